package org.beffroi.platform.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Addresses;
import org.beffroi.platform.RateLimits;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commune's addresses that match what a person types, for the maps' search box: at most 8, each with its point.
 * Public, like the street names the forms already suggest; a typed text over 100 characters is refused.
 */
@RestController
@RequiredArgsConstructor
class AddressSearchController {

    static final int MOST_RESULTS = 8;
    static final int LONGEST_QUERY = 100;
    /** Searches an hour from one network address: a person typing sends one a keystroke. */
    static final int PER_ADDRESS_PER_HOUR = 2_000;

    private final Addresses addresses;
    private final RateLimits limits;

    record Found(String label, double latitude, double longitude) {
    }

    @GetMapping("/adresses.json")
    ResponseEntity<List<Found>> search(@RequestParam(name = "q", required = false) String typed,
            HttpServletRequest request) {
        if (typed != null && typed.length() > LONGEST_QUERY) {
            return ResponseEntity.badRequest().build();
        }
        if (!limits.tryConsume("address-search:" + request.getRemoteAddr(), PER_ADDRESS_PER_HOUR, Duration.ofHours(1))) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
        var found = addresses.search(typed, MOST_RESULTS).stream()
                .map(a -> new Found(a.label(), a.latitude(), a.longitude())).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(found);
    }
}
