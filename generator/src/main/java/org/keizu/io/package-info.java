/**
 * Small file-system operations shared by the writers of the site and of snapshots, and the daemon
 * threads the writers and other background work run on.
 */
package org.keizu.io;
