/**
 * Rendering: view records built from the registry, and the Freemarker set-up that turns them into
 * HTML. Templates see only view records, never loaders or model types; decisions live in Java.
 */
package org.keizu.render;
