package org.beffroi.platform;

import java.util.List;
import java.util.Optional;

/**
 * The commune's addresses, imported by the administrator from its Base Adresse Locale or from the national base's
 * file: where « 12 rue des Tilleuls » is on the map. Empty until a file is imported; then every form that takes a
 * street of the commune can give it a point.
 */
public interface Addresses {

    /** An address and its point, in decimal degrees (WGS 84). */
    record Located(String street, String number, double latitude, double longitude) {

        /** « 12 bis rue des Tilleuls », or the street alone. */
        public String label() {
            return number.isEmpty() ? street : number + " " + street;
        }
    }

    /**
     * The point of a number in a street, matched without regard to case; for a street alone, or a number the file
     * does not have, the middle of the street's known addresses. Empty for a street the file does not have.
     */
    Optional<Located> locate(String street, String number);

    /** Up to {@code limit} addresses whose street holds the typed words (and, when typed first, whose number is it). */
    List<Located> search(String typed, int limit);

    /** How many addresses are known. */
    int count();

    /** Whether any address is known (the maps offer their search then). */
    boolean any();
}
