package org.beffroi.portal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.beffroi.platform.CommuneTime;
import org.beffroi.portal.Article;
import org.beffroi.portal.CouncilMeeting;
import org.beffroi.portal.Article.Kind;
import org.beffroi.portal.Article.Status;
import org.beffroi.portal.NewsCategory;
import org.springframework.stereotype.Component;

/** The demo commune's neighbourhoods, pages, news, council meetings and guides. */
@Component
public class DemoContent {

    private static final String AUTHOR = "Secrétariat de mairie";

    private final ArticleRepository articles;
    private final NeighbourhoodRepository neighbourhoods;
    private final ArticleDesk desk;
    private final CouncilRepository council;
    private final CouncilDesk councilDesk;
    private final GuideRepository guides;
    private final QuickLinks quickLinks;
    private final Clock clock;

    DemoContent(ArticleRepository articles, NeighbourhoodRepository neighbourhoods, ArticleDesk desk,
            CouncilRepository council, CouncilDesk councilDesk, GuideRepository guides, QuickLinks quickLinks,
            Clock clock) {
        this.guides = guides;
        this.quickLinks = quickLinks;
        this.articles = articles;
        this.neighbourhoods = neighbourhoods;
        this.desk = desk;
        this.council = council;
        this.councilDesk = councilDesk;
        this.clock = clock;
    }

    /** Adds what is missing: each kind of content only where there is none yet. */
    public void seed() {
        seedNeighbourhoods();
        seedArticles();
        seedCouncil();
        seedGuides();
        seedProcedureLinks();
        seedJobOffers();
    }

    /**
     * The online procedures that fit each guide (procedures' ready-made files, installed in the demo). Added to the
     * demo's guides where a guide lacks the link, so that a demo database seeded before the procedures existed gets
     * them too at its next start; a commune's own guides (no demo profile) are never touched.
     */
    private void seedProcedureLinks() {
        var links = java.util.List.of(
                new String[] {"j-emmenage-dans-la-commune", "Signaler votre arrivée une seule fois",
                        "/demarches/arrivee-depart",
                        "École, collecte des déchets, eau et liste électorale prévenus en une démarche."},
                new String[] {"j-emmenage-dans-la-commune", "Inscrire un enfant à l’école en ligne",
                        "/demarches/inscription-scolaire", null},
                new String[] {"j-emmenage-dans-la-commune", "Demander une carte de stationnement résident",
                        "/demarches/carte-de-stationnement", null},
                new String[] {"j-emmenage-dans-la-commune", "Faire enlever des encombrants",
                        "/demarches/encombrants", "Les cartons et vieux meubles du déménagement."},
                new String[] {"j-emmenage-dans-la-commune", "Transmettre le relevé du compteur d’eau",
                        "/demarches/releve-compteur-eau", null},
                new String[] {"j-ai-un-enfant", "Inscrire un enfant à l’école et au périscolaire",
                        "/demarches/inscription-scolaire", "Restaurant scolaire, garderie et mercredis compris."},
                new String[] {"j-ai-un-enfant", "Demander un acte de naissance", "/demarches/acte-etat-civil",
                        null},
                new String[] {"je-suis-senior", "Faire enlever des encombrants", "/demarches/encombrants",
                        "Les services techniques passent devant chez vous."});
        var all = guides.all();
        for (String[] link : links) {
            all.stream().filter(g -> g.slug().equals(link[0]))
                    .filter(g -> g.links().stream().noneMatch(l -> l.url().equals(link[2]))).findFirst()
                    .ifPresent(g -> guides.addLink(g.id(), link[1], link[2], link[3]));
        }
    }

    /** The town hall's job offers, with the procedure to apply; added where the page is missing. */
    private void seedJobOffers() {
        String title = "Offres d’emploi";
        if (articles.existsSlug(Kind.PAGE, org.beffroi.platform.Text.slug(title, "page"), null)) {
            return;
        }
        page(title, null, 5, """
                La commune recrute. Pour chaque offre, postulez en ligne avec votre CV et votre lettre de motivation :
                [déposer une candidature](/demarches/candidature-emploi).

                ## Agent polyvalent des services techniques (réf. 2026-07)

                Temps complet, cadre d’emplois des adjoints techniques. Entretien des bâtiments, de la voirie et des
                espaces verts ; permis B exigé. Poste à pourvoir au 1er février.

                ## Animateur ou animatrice périscolaire (réf. 2026-08)

                Temps non complet (24 heures par semaine) : garderie, restaurant scolaire et accueil de loisirs du
                mercredi à l’école des Tilleuls. BAFA souhaité.

                ## Candidature spontanée

                Aucune offre ne vous correspond ? Envoyez une [candidature spontanée](/demarches/candidature-emploi) :
                elle est gardée deux ans.""", clock.instant());
    }

    private void seedNeighbourhoods() {
        if (!neighbourhoods.all().isEmpty()) {
            return;
        }
        neighbourhoods.insert("Centre-bourg", "Le cœur historique autour de la halle, de la mairie et de l'église Saint-Martin.",
                square(5.3200, 46.1000));
        neighbourhoods.insert("Les Tilleuls",
                "Quartier résidentiel le long de l'allée des tilleuls, avec l'école et le stade.", square(5.3300, 46.1000));
        neighbourhoods.insert("Le Moulin", "Le hameau du bord de la rivière, ses jardins partagés et l'ancien moulin.",
                square(5.3200, 46.1100));
        neighbourhoods.insert("La Croix-Rousse des Champs", "Fermes et lotissements au nord de la commune.", null);
    }

    /** A square of about a kilometre from its south-west corner, as GeoJSON. */
    private static String square(double lon, double lat) {
        double d = 0.01;
        return """
                {"type":"Polygon","coordinates":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"""
                .formatted(lon, lat, lon + d, lat + d).strip();
    }

    private void seedGuides() {
        if (!guides.all().isEmpty()) {
            return;
        }
        long moving = guides.insert("J’emménage dans la commune", "j-emmenage-dans-la-commune",
                "Les premières démarches et les bons contacts pour bien s’installer.", 1, true);
        guides.addLink(moving, "La mairie : horaires et accès", "/pages/la-mairie", null);
        guides.addLink(moving, "Inscrire un enfant à l’école", "/pages/ecoles-et-periscolaire", null);
        guides.addLink(moving, "Les quartiers de la commune", "/quartiers", null);
        long senior = guides.insert("Je suis senior", "je-suis-senior",
                "Rencontres, aide au numérique et solidarité près de chez vous.", 2, true);
        guides.addLink(senior, "Les ateliers numériques de l’agenda", "/agenda?categorie=training",
                "Des ateliers gratuits pour apprendre à se servir d’une tablette.");
        guides.addLink(senior, "Le conseil municipal", "/conseil", null);
        long child = guides.insert("J’ai un enfant", "j-ai-un-enfant",
                "École, cantine, garderie et loisirs des enfants.", 3, true);
        guides.addLink(child, "Écoles et périscolaire", "/pages/ecoles-et-periscolaire", null);
        if (quickLinks.all().isEmpty()) {
            quickLinks.add("Agenda", "/agenda");
            quickLinks.add("Conseil municipal", "/conseil");
            quickLinks.add("Contacter la mairie", "/pages/la-mairie");
        }
    }

    private void seedCouncil() {
        if (!council.all().isEmpty()) {
            return;
        }
        var today = java.time.LocalDate.now(clock.withZone(CommuneTime.ZONE));
        Instant past = today.minusDays(2).atTime(19, 0).atZone(CommuneTime.ZONE).toInstant();
        councilDesk.save(new CouncilMeeting(0, "Conseil municipal", past, past.plus(Duration.ofHours(2)),
                "Salle du conseil, mairie", """
                1. Approbation du procès-verbal de la séance précédente
                2. Tarifs du restaurant scolaire
                3. Travaux de la rue des Écoles""", null, null, java.util.List.of()));
        Instant next = today.plusDays(16).atTime(19, 0).atZone(CommuneTime.ZONE).toInstant();
        councilDesk.save(new CouncilMeeting(0, "Conseil municipal", next, next.plus(Duration.ofHours(2)),
                "Salle du conseil, mairie", """
                1. Budget primitif
                2. Subventions aux associations
                3. Questions diverses""", null, null, java.util.List.of()));
    }

    private void seedArticles() {
        if (!articles.findForBackOffice(Kind.PAGE, null, null).isEmpty()
                || !articles.findForBackOffice(Kind.NEWS, null, null).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long mairie = page("La mairie", null, 0, """
                La mairie vous accueille du lundi au vendredi de 9 h à 12 h, et le mercredi après-midi de 14 h à 17 h.

                ## Nous trouver

                Place de la Halle. Parking et entrée de plain-pied côté rue des Écoles.""", now);
        page("Le conseil municipal", mairie, 1, """
                Le conseil municipal compte quinze élus. Il se réunit en séance publique environ une fois par mois.

                Les ordres du jour, procès-verbaux et délibérations sont publiés dans la rubrique du conseil.""", now);
        page("État civil et papiers", mairie, 2, """
                Naissance, mariage, PACS, décès : adressez-vous à l’accueil de la mairie.

                Pour une **carte d’identité** ou un **passeport**, prenez rendez-vous dans une mairie équipée.""", now);
        page("Écoles et périscolaire", null, 3, """
                L’école des Tilleuls accueille les enfants de la petite section au CM2.

                - Garderie le matin dès 7 h 30
                - Restaurant scolaire
                - Accueil de loisirs le mercredi""", now);
        Long centre = neighbourhoods.findBySlug("centre-bourg").map(n -> n.id()).orElse(null);
        Long tilleuls = neighbourhoods.findBySlug("les-tilleuls").map(n -> n.id()).orElse(null);
        news("Travaux de la rue des Écoles : stationnement interdit", NewsCategory.WORKS, centre,
                "Du 1er au 12 décembre, le stationnement est interdit rue des Écoles pendant la réfection des trottoirs.",
                """
                La réfection des trottoirs de la rue des Écoles commence le 1er décembre pour deux semaines.

                Pendant les travaux, **le stationnement est interdit** des deux côtés de la rue. Les riverains peuvent
                stationner sur le parking de la salle des fêtes.""", now.minus(Duration.ofDays(2)));
        news("Inscriptions à l’école des Tilleuls", NewsCategory.SCHOOLS, tilleuls,
                "Les inscriptions pour la rentrée prochaine sont ouvertes en mairie.", """
                Les familles qui s’installent dans la commune peuvent inscrire leurs enfants à l’école des Tilleuls.

                Apportez le livret de famille, un justificatif de domicile et le carnet de santé.""",
                now.minus(Duration.ofDays(6)));
        news("Le repas des aînés aura lieu le 14 décembre", NewsCategory.SOLIDARITY, null,
                "Les habitants de 70 ans et plus sont invités au repas offert par la commune.", """
                Le repas des aînés se tient à la salle des fêtes. Inscription à la mairie avant le 5 décembre.

                Un transport est proposé aux personnes qui ne peuvent pas se déplacer : signalez-le à l’inscription.""",
                now.minus(Duration.ofDays(10)));
    }

    private long page(String title, Long parent, int position, String body, Instant now) {
        return desk.save(new Article(0, Kind.PAGE, title, org.beffroi.platform.Text.slug(title, "page"), null, body,
                Status.PUBLISHED, now, null, parent, position, null, null, null, now, now), null, AUTHOR);
    }

    private void news(String title, NewsCategory category, Long neighbourhood, String summary, String body,
            Instant publishedAt) {
        desk.save(new Article(0, Kind.NEWS, title, org.beffroi.platform.Text.slug(title, "actualite"), summary, body,
                Status.PUBLISHED, publishedAt, category, null, 0, neighbourhood, null, null, publishedAt, publishedAt),
                null, AUTHOR);
    }
}
