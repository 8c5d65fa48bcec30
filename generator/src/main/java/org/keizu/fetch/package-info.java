/**
 * Fetch: the only networked part of Keizu, used by the {@code fetch} command alone. Takes pinned,
 * hashed copies of model files from the Hub under a strict policy; the build never calls it.
 */
package org.keizu.fetch;
