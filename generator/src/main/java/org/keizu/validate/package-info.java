/**
 * Validation: the JSON Schema, then checks across the registry (ids, references, values, dates,
 * lineage). Each check reports findings with a stable code; none of them throws for bad data.
 */
package org.keizu.validate;
