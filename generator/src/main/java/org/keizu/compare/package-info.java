/**
 * What a change does to the registry's verdicts: two {@code data/registry.json} open-data files,
 * one built from a pull request's base and one from its head, compared model by model and
 * summarised as Markdown for a pull request's checks ({@code keizu compare}).
 */
package org.keizu.compare;
