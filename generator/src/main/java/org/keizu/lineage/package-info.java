/**
 * Lineage: what the registry concludes from claims and evidence. The verdict is computed here, and
 * an architecture-only link never counts as a derivation.
 */
package org.keizu.lineage;
