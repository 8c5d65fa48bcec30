/**
 * Phase 4, render: view records built from the registry and its analysis by one small builder per
 * kind of page, and the Freemarker set-up that turns them into HTML. Templates see only view
 * records, never loaders or model types; decisions, links and sentences (from the message bundle)
 * are made in Java, and templates only print them.
 */
package org.keizu.render;
