/**
 * Phase 1, load: lists record files, reads them strictly into trees with positions, and binds
 * checked trees to records ({@link org.keizu.RegistryLoad} drives it). The only place that builds a
 * Jackson parser or mapper ({@link org.keizu.load.RecordMapper}).
 */
package org.keizu.load;
