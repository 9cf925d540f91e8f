package org.beffroi.agenda.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The filters of the public list, named as they appear in its address (French, as the site). */
public class ListFilter {

    private String categorie;
    private Long quartier;
    private boolean gratuit;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate du;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate au;

    public String getCategorie() { return categorie; }
    public void setCategorie(String categorie) { this.categorie = categorie; }
    public Long getQuartier() { return quartier; }
    public void setQuartier(Long quartier) { this.quartier = quartier; }
    public boolean isGratuit() { return gratuit; }
    public void setGratuit(boolean gratuit) { this.gratuit = gratuit; }
    public LocalDate getDu() { return du; }
    public void setDu(LocalDate du) { this.du = du; }
    public LocalDate getAu() { return au; }
    public void setAu(LocalDate au) { this.au = au; }
}
