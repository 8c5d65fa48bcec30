/**
 * The registry's records: models, organisations, programmes and the parts they are made of. Plain
 * immutable records, read by every later phase; they know nothing of files or positions.
 */
package org.keizu.model;
