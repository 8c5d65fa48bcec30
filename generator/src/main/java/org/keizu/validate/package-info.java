/**
 * Phase 2, validate: the JSON Schema (applied by the load phase to each file), then checks across
 * the registry (ids, references, values, dates, lineage, snapshots), run in order by {@link
 * org.keizu.validate.Validation}. Each check reports findings with a stable code; none of them
 * throws for bad data. {@link org.keizu.validate.DetectionCheck} runs in phase 3, on the analysis.
 */
package org.keizu.validate;
