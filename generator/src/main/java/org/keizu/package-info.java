/**
 * Keizu: a provenance registry of national AI models, and the static-site generator that publishes
 * it. Start with {@link org.keizu.RegistryBuild}, which runs the phases in order.
 */
package org.keizu;
