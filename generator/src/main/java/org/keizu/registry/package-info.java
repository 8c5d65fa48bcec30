/**
 * The typed store: every record that loaded, indexed by id, with the reverse relations pages and
 * checks ask for (a base's declared descendants, a country's models). Built once by the load phase,
 * read by every later phase, never changed.
 */
package org.keizu.registry;
