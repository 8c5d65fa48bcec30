/**
 * {@code keizu serve}: a live preview for someone editing records or templates. It builds the site
 * into a folder of its own, serves it on 127.0.0.1 only, watches the data and templates folders,
 * rebuilds on every change (writing only the files whose bytes changed, reusing the git history and
 * the share images), and tells the open page to reload. While the registry has errors, every page
 * is an error page listing the findings. Nothing here is part of a published build: the reload
 * script is added only to what the server sends, never to the files on disk.
 */
package org.keizu.serve;
