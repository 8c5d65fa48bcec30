/**
 * Phase 5: the search index, written by Keizu from the pages it renders. Each page marked for
 * search gives its text, title, meta and filters ({@link org.keizu.search.PageText}); its words are
 * cut as the browser's search script cuts a query ({@link org.keizu.search.SearchTokens}); and each
 * language's index is written in small files, so that a query downloads only the parts it needs
 * ({@link org.keizu.search.SearchIndex}).
 */
package org.keizu.search;
