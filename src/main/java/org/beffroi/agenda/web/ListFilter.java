package org.beffroi.agenda.web;

import java.time.LocalDate;

import lombok.Getter;
import lombok.Setter;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/** The filters of the public list, named as they appear in its address (French, as the site). */
@Getter
@Setter
public class ListFilter {

    private String categorie;
    private Long quartier;
    private boolean gratuit;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate du;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate au;

    private Integer page;

    static final int LAST_PAGE = 500;

    /** The page asked for, from 0; a negative one is the first, and no list goes past {@link #LAST_PAGE}. */
    int page() {
        return page == null ? 0 : Math.clamp(page, 0, LAST_PAGE);
    }

    /** The filters as they were given, for the pager's links. */
    String query() {
        return UriComponentsBuilder.newInstance().queryParam("categorie", categorie == null ? "" : categorie)
                .queryParam("quartier", quartier == null ? "" : quartier).queryParam("du", du == null ? "" : du)
                .queryParam("au", au == null ? "" : au).queryParam("gratuit", gratuit).encode().build().getQuery();
    }
}
