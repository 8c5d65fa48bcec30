/** The site: which files it has, rendered in memory, and the writer that swaps them in atomically. */
package org.keizu.site;
