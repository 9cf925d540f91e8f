package org.beffroi.portal;

/** A neighbourhood was created, renamed, re-outlined or deleted. */
public record NeighbourhoodChanged(long neighbourhoodId) {
}
