/** Small file-system operations shared by the writers of the site and of snapshots. */
package org.keizu.io;
