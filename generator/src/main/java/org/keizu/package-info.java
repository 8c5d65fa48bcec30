/**
 * Keizu: a provenance registry of national AI models, and the static-site generator that publishes
 * it. Start with {@link org.keizu.RegistryBuild}, which runs the five phases in order: load,
 * validate, analyse, render, write. HACKING.md walks through them class by class.
 */
package org.keizu;
