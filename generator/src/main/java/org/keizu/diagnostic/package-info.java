/** Findings: the problems validation reports, each with a file position and a stable check code. */
package org.keizu.diagnostic;
