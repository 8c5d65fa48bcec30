package org.keizu.model;

import java.math.BigDecimal;

/** Parameter counts as the makers state them. */
public record Parameters(BigDecimal total, BigDecimal active, String source, String uncertain) {}
