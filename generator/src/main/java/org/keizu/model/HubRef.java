package org.keizu.model;

/** Where the weights are published, and the commit a snapshot was taken at. */
public record HubRef(String repo, String revision) {}
