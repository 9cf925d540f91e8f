package org.beffroi.platform;

/**
 * Published on this node, outside any transaction, when it reads that another node changed public content or public
 * data kept in memory (ADR 0033): whatever keeps such data in memory clears it, as it does after a change of its own.
 * The pages kept for visitors are cleared after every listener.
 */
public record ChangedOnAnotherNode() {
}
