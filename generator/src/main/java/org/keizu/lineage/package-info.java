/**
 * Phase 3, analyse: what the registry concludes from claims, evidence and configs, computed once
 * into an immutable {@link org.keizu.lineage.Analysis}. The verdict and the config detector live
 * here, and an architecture-only link never counts as a derivation.
 */
package org.keizu.lineage;
