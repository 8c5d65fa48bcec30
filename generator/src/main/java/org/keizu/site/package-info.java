/**
 * Phases 4 and 5: which files the site has, each rendered and handed to a staging folder as soon as
 * it is ready; the open data; the search index; and the writer that swaps the staged site in
 * atomically.
 */
package org.keizu.site;
