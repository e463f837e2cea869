"""A generated blogosphere around B2B content marketing and corporate communications ("B2B-Kom").

Seen from a German agency's blog: four seeds write about content strategy, corporate blogs,
employer branding, internal communication, LinkedIn for B2B and newsletters. Around them about
150 sites, mostly German, a quarter English: core partners (label ``partner``, gain 2), adjacent
blogs on PR, HR, UX writing, general marketing and e-mail tools (``adjacent``, gain 1) and sites
of gain 0 (``seed``, ``aggregator``, ``copy``, ``machine``, ``seller``, ``lifestyle``, ``vendor``,
``shop``, ``news``, ``platform``, ``dead``, ``farm``, ``offtopic``, ``event``). Dates are relative
to 2026-12-07. Everything is deterministic for a given seed.

Run once (crawl through the loopback proxy, rank, NDCG@20 with and without topic, page-only baseline):

    .venv/bin/python benchmarks/blind/run.py --world world_b2bkom --workdir /tmp/blind-b2bkom

Build it and count sites and pages only: ``.venv/bin/python benchmarks/blind/world_b2bkom.py``.
"""

from __future__ import annotations

import datetime as dt
import html
import random
from dataclasses import dataclass, field
from email.utils import format_datetime

TODAY = dt.date(2026, 12, 7)
TOPIC = (
    "content marketing, content strategie, corporate blog, unternehmenskommunikation, employer branding, "
    "interne kommunikation, linkedin b2b, newsletter"
)

# --------------------------------------------------------------------------------------------
# text banks
# --------------------------------------------------------------------------------------------

DE_VERBS = [
    ("braucht", "braucht"),
    ("stärkt", "stärkt"),
    ("ersetzt nicht", "nicht ersetzt"),
    ("verändert", "verändert"),
    ("unterschätzt oft", "oft unterschätzt"),
    ("verlangt", "verlangt"),
    ("schafft", "schafft"),
    ("erfordert", "erfordert"),
    ("ermöglicht", "ermöglicht"),
    ("übersieht gern", "gern übersieht"),
    ("liefert", "liefert"),
    ("setzt voraus", "voraussetzt"),
    ("verdient", "verdient"),
    ("gewinnt", "gewinnt"),
    ("bremst", "bremst"),
    ("rechtfertigt", "rechtfertigt"),
]
EN_VERBS = [
    "needs",
    "builds",
    "doesn't replace",
    "changes",
    "often underestimates",
    "requires",
    "creates",
    "deserves",
    "depends on",
    "quietly kills",
    "rewards",
    "makes room for",
    "competes with",
    "earns",
]

DE_OPEN = [
    "Aus meiner Sicht",
    "Ehrlich gesagt",
    "Im Mittelstand",
    "Gerade im B2B-Umfeld",
    "In vielen Projekten",
    "Seit letztem Jahr",
    "Auf lange Sicht",
    "Im Alltag",
    "Nach drei Jahren Praxis",
    "Bei unseren Kundinnen",
    "Spätestens im zweiten Quartal",
    "In der Industrie",
    "Am Ende des Tages",
    "Meiner Erfahrung nach",
    "Im Gegensatz zu früher",
    "Ohne Budgetfreigabe",
    "Im Agenturalltag",
    "Nach jedem Relaunch",
]
EN_OPEN = [
    "In my experience",
    "Honestly",
    "In B2B",
    "In most projects",
    "Since last year",
    "In the long run",
    "Day to day",
    "After three years of doing this",
    "With our clients",
    "In manufacturing",
    "At the end of the day",
    "Unlike five years ago",
    "Without a budget",
    "After every relaunch",
]
DE_INTRO = [
    "Ich merke in Projekten immer wieder",
    "In unseren Workshops zeigt sich",
    "Mein Eindruck ist",
    "Viele unterschätzen",
    "Die Zahlen aus dem letzten Projekt zeigen",
    "Es ist kein Geheimnis",
    "Im Gespräch mit Kunden höre ich oft",
    "Unsere Auswertung hat bestätigt",
    "Man vergisst leicht",
]
EN_INTRO = [
    "I keep noticing",
    "Our workshops show",
    "My impression is",
    "People underestimate the fact",
    "The numbers from our last project suggest",
    "It is no secret",
    "Clients often tell me",
    "Our audit confirmed",
    "It is easy to forget",
]
DE_SHORT = [
    "Das klingt banal.",
    "Klingt einfach, ist es aber nicht.",
    "Das ist kein Selbstläufer.",
    "Und genau da wird es spannend.",
    "Dazu gleich mehr.",
    "Spoiler: Es lohnt sich.",
    "Das hat mich überrascht.",
    "Ich weiß, das hört niemand gern.",
    "Kurz gesagt: Geduld zahlt sich aus.",
    "Das war nicht immer so.",
    "Ein Beispiel macht es greifbar.",
]
EN_SHORT = [
    "Sounds obvious.",
    "Simple, but not easy.",
    "This does not happen by itself.",
    "Here is where it gets interesting.",
    "More on that below.",
    "Spoiler: it pays off.",
    "That surprised me.",
    "Nobody likes to hear this.",
    "It was not always like this.",
    "An example helps.",
]
DE_PEOPLE = [
    "Katrin",
    "Thomas",
    "Aylin",
    "Jörg",
    "Mehmet",
    "Sabine",
    "Lukas",
    "Franziska",
    "Oliver",
    "Nina",
    "Ralf",
    "Claudia",
    "Dennis",
    "Ute",
    "Hannes",
    "Birgit",
    "Yvonne",
    "Stefan",
    "Marlene",
    "Kai",
]
DE_FIRMS = [
    "einem Armaturenhersteller",
    "einem Logistiker aus Bremen",
    "einer Genossenschaftsbank",
    "einem Softwarehaus",
    "einem Stadtwerk",
    "einem Maschinenbauer aus Schwaben",
    "einer Klinikgruppe",
    "einem Verpackungshersteller",
    "einem Steuerberatungsnetzwerk",
    "einem Familienunternehmen aus dem Sauerland",
    "einem Zulieferer",
    "einer Versicherung",
    "einem IT-Dienstleister",
    "einem Baustoffhändler",
]
EN_FIRMS = [
    "a valve manufacturer",
    "a logistics firm in Rotterdam",
    "a regional bank",
    "a SaaS scale-up",
    "a utility company",
    "an engineering firm",
    "a hospital group",
    "a packaging supplier",
    "an insurer",
    "an IT services company",
    "a family-owned business",
]
DE_WHEN = ["Letzte Woche", "Vor ein paar Tagen", "Im Oktober", "Neulich", "Gestern", "Vor einem Monat", "Diesen Sommer"]
EN_WHEN = ["Last week", "A few days ago", "In October", "Recently", "Yesterday", "A month ago", "This summer"]

DE = {
    "content": dict(
        subj=[
            "Eine Content-Strategie",
            "Der Redaktionsplan",
            "Das Themenhaus",
            "Ein gutes Briefing",
            "Die Zielgruppenanalyse",
            "Das Content-Audit",
            "Unser Redaktionsteam",
            "Eine klare Positionierung",
            "Evergreen-Content",
            "Der Fachartikel",
            "Die Persona",
            "Das Whitepaper",
        ],
        obj=[
            "einen klaren Redaktionsplan",
            "messbare Ziele",
            "echte Fragen aus dem Vertrieb",
            "ein ehrliches Content-Audit",
            "weniger, aber bessere Inhalte",
            "eine saubere Themenarchitektur",
            "den Blick der Einkäufer",
            "Geduld in der Geschäftsführung",
            "eine Freigabeschleife ohne Umwege",
            "Fachwissen aus der Entwicklung",
            "konsequentes Recycling alter Beiträge",
            "die Suchintention der Kunden",
        ],
        tip=[
            "Streichen Sie jeden dritten geplanten Beitrag",
            "Fragen Sie den Vertrieb nach den zehn häufigsten Einwänden",
            "Legen Sie Ziele pro Format fest",
            "Planen Sie Aktualisierungen wie neue Beiträge",
            "Schreiben Sie das Briefing, bevor Sie das Thema freigeben",
        ],
        titles=[
            "Warum Ihre Content-Strategie auf eine Seite passen sollte",
            "Content-Audit: So misten wir aus",
            "Das Themenhaus im B2B: ein Praxisbericht",
            "Weniger Content, mehr Wirkung",
            "Wie ein Briefing Texte besser macht",
            "Redaktionsplan 2027: was wir ändern",
            "Personas sind kein Selbstzweck",
            "Content für lange Kaufentscheidungen",
            "Was der Vertrieb über Content weiß",
            "Fachartikel, die wirklich gelesen werden",
            "Evergreen-Content pflegen statt neu schreiben",
            "Content-Strategie für Nischenmärkte",
        ],
    ),
    "corpblog": dict(
        subj=[
            "Ein Corporate Blog",
            "Der Unternehmensblog",
            "Unser Kundenblog",
            "Ein Blog aus der Fertigung",
            "Die Blogredaktion",
            "Ein Gastbeitrag der Geschäftsführerin",
            "Der Firmenblog",
            "Ein Blogartikel",
        ],
        obj=[
            "echte Geschichten aus dem Betrieb",
            "eine eigene Stimme",
            "Autorinnen aus den Fachabteilungen",
            "einen festen Veröffentlichungsrhythmus",
            "Kommentare und Widerspruch",
            "eine Heimat auf der eigenen Domain",
            "Ehrlichkeit statt Hochglanz",
            "Mut zu Meinung",
            "Gesichter statt Logos",
            "eine Archivseite, die funktioniert",
        ],
        tip=[
            "Starten Sie mit zwölf Themen, nicht mit hundert",
            "Geben Sie Fachleuten eine Stunde pro Monat zum Schreiben",
            "Zeigen Sie Menschen und nicht nur Produkte",
            "Beantworten Sie jeden Kommentar",
        ],
        titles=[
            "Corporate Blog: die ersten hundert Tage",
            "Warum Ihr Firmenblog eine Meinung braucht",
            "Fachleute zum Schreiben bringen",
            "Ein Corporate Blog ist kein Pressebereich",
            "Was wir aus 200 Blogartikeln gelernt haben",
            "Bloggen im Maschinenbau",
            "Der Unternehmensblog als Archiv des Wissens",
            "Corporate Blogs 2026: eine Bestandsaufnahme",
        ],
    ),
    "employer": dict(
        subj=[
            "Employer Branding",
            "Die Arbeitgebermarke",
            "Eine Karriereseite",
            "Das Recruiting-Video",
            "Die Employee Value Proposition",
            "Ein ehrliches Mitarbeiterporträt",
            "Das Azubi-Team",
            "Die Stellenanzeige",
        ],
        obj=[
            "Vertrauen bei Bewerberinnen",
            "echte Einblicke in den Arbeitsalltag",
            "die Stimme der Mitarbeitenden",
            "eine glaubwürdige Arbeitgebermarke",
            "weniger Floskeln in Stellenanzeigen",
            "Fotos ohne Stockbild-Lächeln",
            "ein klares Versprechen an Fachkräfte",
            "die Kolleginnen aus der Produktion",
            "Antworten auf kununu-Bewertungen",
        ],
        tip=[
            "Lassen Sie Azubis selbst erzählen",
            "Streichen Sie das Wort familiär aus der Anzeige",
            "Zeigen Sie den echten Arbeitsplatz",
            "Antworten Sie auf jede Bewertung",
        ],
        titles=[
            "Employer Branding ohne Obstkorb",
            "Karriereseiten, die Fachkräfte überzeugen",
            "Mitarbeitende als Markenbotschafter – aber freiwillig",
            "Stellenanzeigen neu schreiben",
            "Arbeitgebermarke im Handwerk",
            "Was Bewerberinnen wirklich lesen",
            "Employer Branding messen",
        ],
    ),
    "intern": dict(
        subj=[
            "Die interne Kommunikation",
            "Das Intranet",
            "Die Mitarbeiterzeitung",
            "Ein Townhall-Meeting",
            "Die Führungskräftekommunikation",
            "Der Change-Prozess",
            "Die Mitarbeiter-App",
            "Ein interner Newsletter",
        ],
        obj=[
            "Führungskräfte als Sprachrohr",
            "Dialog statt Verlautbarung",
            "die Kolleginnen ohne Schreibtisch",
            "eine klare Kanalstrategie",
            "Transparenz in der Krise",
            "kurze Wege zur Geschäftsführung",
            "verständliche Sprache",
            "Feedback aus der Belegschaft",
            "Rituale, die niemand hinterfragt",
        ],
        tip=[
            "Sprechen Sie zuerst mit den Meistern",
            "Schaffen Sie einen Kanal ab, bevor Sie einen neuen starten",
            "Messen Sie Verständnis statt Klicks",
            "Geben Sie Führungskräften Sprechzettel",
        ],
        titles=[
            "Interne Kommunikation für Mitarbeitende ohne Schreibtisch",
            "Das Intranet ist tot, es lebe das Intranet",
            "Change-Kommunikation: fünf Fehler",
            "Townhalls, die nicht langweilen",
            "Die Mitarbeiter-App nach einem Jahr",
            "Führungskräfte als Kommunikatoren",
            "Interne Kommunikation in der Krise",
        ],
    ),
    "linkedin": dict(
        subj=[
            "LinkedIn",
            "Das Profil der Geschäftsführung",
            "Ein LinkedIn-Post",
            "Die Unternehmensseite",
            "Corporate Influencing",
            "Der LinkedIn-Newsletter",
            "Ein Karussell-Post",
            "Social Selling",
        ],
        obj=[
            "persönliche Beiträge der Fachleute",
            "eine klare Haltung",
            "regelmäßige Kommentare",
            "Reichweite bei Entscheidern",
            "einen Plan für Corporate Influencer",
            "Gespräche statt Broadcast",
            "mehr Mut zu Meinung",
            "ein vertrauenswürdiges Profil",
            "Geduld beim Netzwerkaufbau",
        ],
        tip=[
            "Kommentieren Sie zehn Minuten am Tag",
            "Schreiben Sie über Entscheidungen, nicht über Erfolge",
            "Lassen Sie Fachleute in ihrer eigenen Sprache posten",
            "Verzichten Sie auf Engagement-Gruppen",
        ],
        titles=[
            "LinkedIn für B2B: was 2026 funktioniert",
            "Corporate Influencer ohne Zwang",
            "Warum Ihre Unternehmensseite kaum Reichweite hat",
            "LinkedIn-Newsletter im Test",
            "CEO-Kommunikation auf LinkedIn",
            "Social Selling im Mittelstand",
            "Kommentieren ist das neue Posten",
        ],
    ),
    "newsletter": dict(
        subj=[
            "Ein Newsletter",
            "Der B2B-Newsletter",
            "Die Betreffzeile",
            "Das Double-Opt-in",
            "Die Öffnungsrate",
            "Ein kuratierter Newsletter",
            "Das Newsletter-Archiv",
            "Die Abmelderate",
        ],
        obj=[
            "einen festen Versandtag",
            "eine persönliche Absenderin",
            "kurze Betreffzeilen",
            "einen klaren Nutzen pro Ausgabe",
            "saubere Einwilligungen",
            "Antworten der Leserinnen",
            "weniger Links pro Ausgabe",
            "ein ehrliches Reporting",
            "eine gepflegte Empfängerliste",
        ],
        tip=[
            "Schreiben Sie den Newsletter wie einen Brief",
            "Testen Sie den Versandtag drei Monate lang",
            "Löschen Sie inaktive Empfänger",
            "Bitten Sie um Antworten statt um Klicks",
        ],
        titles=[
            "Newsletter im B2B: Brief statt Katalog",
            "Betreffzeilen, die geöffnet werden",
            "Warum wir die Öffnungsrate nicht mehr messen",
            "Der kuratierte Newsletter als Format",
            "Newsletter-Archiv als Content-Quelle",
            "Abmeldungen sind eine gute Nachricht",
        ],
    ),
    "pr": dict(
        subj=[
            "Die Pressearbeit",
            "Eine Pressemitteilung",
            "Der Pressekontakt",
            "Die Krisenkommunikation",
            "Das Medientraining",
            "Ein Fachinterview",
        ],
        obj=[
            "gute Kontakte in die Fachpresse",
            "eine klare Kernbotschaft",
            "schnelle Freigaben",
            "ein Krisenhandbuch",
            "Zahlen, die Redaktionen interessieren",
            "ehrliche Antworten",
        ],
        tip=[
            "Rufen Sie an, statt zu mailen",
            "Schreiben Sie die Überschrift zuerst",
            "Üben Sie die drei schwierigsten Fragen",
        ],
        titles=[
            "Pressemitteilungen, die gedruckt werden",
            "Krisenkommunikation: die erste Stunde",
            "Fachpresse statt Massenverteiler",
            "Medientraining für Ingenieure",
            "PR-Erfolge messen",
        ],
    ),
    "hr": dict(
        subj=[
            "Das Recruiting",
            "Ein Bewerbungsgespräch",
            "Die Personalabteilung",
            "Active Sourcing",
            "Das Onboarding",
            "Die Bewerbererfahrung",
        ],
        obj=[
            "schnelle Rückmeldungen",
            "ein strukturiertes Onboarding",
            "faire Gehaltsangaben",
            "weniger Pflichtfelder",
            "Gespräche auf Augenhöhe",
            "eine klare Stellenbeschreibung",
        ],
        tip=[
            "Antworten Sie binnen 48 Stunden",
            "Nennen Sie das Gehalt in der Anzeige",
            "Streichen Sie das Anschreiben",
        ],
        titles=[
            "Recruiting ohne Anschreiben",
            "Onboarding: die ersten 90 Tage",
            "Active Sourcing mit Anstand",
            "Bewerbererfahrung messen",
            "Personalarbeit im Fachkräftemangel",
        ],
    ),
    "ux": dict(
        subj=[
            "Microcopy",
            "Eine Fehlermeldung",
            "Der Button-Text",
            "UX Writing",
            "Das Onboarding in der App",
            "Eine Formularseite",
        ],
        obj=[
            "klare Handlungsaufforderungen",
            "eine freundliche Tonalität",
            "kurze Sätze",
            "Tests mit echten Nutzern",
            "ein Glossar für das Produktteam",
            "weniger Fachjargon",
        ],
        tip=[
            "Lesen Sie jede Fehlermeldung laut vor",
            "Schreiben Sie Buttons als Verben",
            "Legen Sie ein Wording-Glossar an",
        ],
        titles=[
            "UX Writing im B2B-Produkt",
            "Fehlermeldungen, die helfen",
            "Button-Texte testen",
            "Ein Styleguide für Microcopy",
            "Tonalität in Software",
        ],
    ),
    "marketing": dict(
        subj=[
            "Das Marketing",
            "Die Kampagne",
            "Das Marketingbudget",
            "Die Messeplanung",
            "Die Markenführung",
            "Das Performance-Marketing",
        ],
        obj=[
            "eine klare Zielgruppe",
            "Abstimmung mit dem Vertrieb",
            "realistische Budgets",
            "eine starke Marke",
            "saubere Daten",
            "Mut zur Lücke",
        ],
        tip=[
            "Planen Sie das Budget rückwärts",
            "Sprechen Sie jede Woche mit dem Vertrieb",
            "Messen Sie weniger, aber richtig",
        ],
        titles=[
            "Marketingplanung 2027",
            "Messe oder Webinar?",
            "Markenführung im Mittelstand",
            "Marketing und Vertrieb an einem Tisch",
            "Budgets verteidigen",
        ],
    ),
    "email": dict(
        subj=[
            "Das E-Mail-Marketing",
            "Eine Automatisierung",
            "Die Zustellbarkeit",
            "Das Template",
            "Die Segmentierung",
            "Ein A/B-Test",
        ],
        obj=[
            "eine saubere Absenderdomain",
            "DKIM und SPF",
            "segmentierte Listen",
            "responsive Templates",
            "klare Trigger",
            "Tests vor jedem Versand",
        ],
        tip=[
            "Prüfen Sie Ihre DMARC-Einträge",
            "Segmentieren Sie nach Verhalten",
            "Testen Sie auf dem Smartphone zuerst",
        ],
        titles=[
            "Zustellbarkeit verbessern: Checkliste",
            "Automatisierte Willkommensstrecken",
            "Segmentierung für Einsteiger",
            "Neue Funktionen im Editor",
            "E-Mail-Templates barrierefrei gestalten",
        ],
    ),
    "seo": dict(
        subj=["Die Suchmaschinenoptimierung", "Ein Backlink", "Die Keyword-Recherche", "Das Ranking"],
        obj=["starke Backlinks", "die richtigen Keywords", "schnelle Ladezeiten", "mehr Sichtbarkeit"],
        tip=["Kaufen Sie Backlinks nur von seriösen Portalen", "Nutzen Sie lange Keywords"],
        titles=["SEO-Tipps für 2027", "Backlinks aufbauen leicht gemacht", "Keyword-Recherche in 5 Schritten"],
    ),
    "kredit": dict(
        subj=["Ein Ratenkredit", "Die Baufinanzierung", "Der Zinssatz", "Die Schufa-Auskunft"],
        obj=["günstige Zinsen", "einen Kreditvergleich", "eine gute Bonität", "flexible Raten"],
        tip=["Vergleichen Sie mindestens drei Angebote", "Prüfen Sie Sondertilgungen"],
        titles=["Kredit ohne Schufa?", "Baufinanzierung 2027", "Ratenkredit vergleichen"],
    ),
    "casino": dict(
        subj=["Ein Online Casino", "Der Willkommensbonus", "Das Spielautomaten-Angebot"],
        obj=["schnelle Auszahlungen", "eine gültige Lizenz", "faire Bonusbedingungen"],
        tip=["Achten Sie auf die Lizenz", "Lesen Sie die Bonusbedingungen"],
        titles=["Die besten Online Casinos 2026", "Casino Bonus ohne Einzahlung", "Spielautomaten im Test"],
    ),
    "garten": dict(
        subj=["Der Gemüsegarten", "Ein Hochbeet", "Der Rasen", "Die Rosenschere", "Der Komposthaufen"],
        obj=["guten Humus", "regelmäßiges Gießen", "einen sonnigen Standort", "frühes Mulchen"],
        tip=["Mulchen Sie im Herbst", "Pflanzen Sie Tomaten nicht zu früh"],
        titles=["Hochbeet anlegen", "Rasen im Herbst pflegen", "Kompost richtig ansetzen", "Rosen schneiden"],
    ),
    "food": dict(
        subj=["Ein Sauerteig", "Der Schmortopf", "Das Sonntagsfrühstück", "Ein Kürbisrisotto", "Die Gemüsekiste"],
        obj=["frische Kräuter", "einen langen Atem", "gute Butter", "saisonales Gemüse", "etwas Zimt"],
        tip=["Lassen Sie den Teig über Nacht gehen", "Rösten Sie die Gewürze kurz an"],
        titles=[
            "Kürbisrisotto mit Salbei",
            "Sauerteigbrot für Anfänger",
            "Linsensuppe wie bei Oma",
            "Zimtschnecken am Sonntag",
            "Mein liebster Schmortopf",
            "Gemüsekiste im November",
        ],
    ),
    "running": dict(
        subj=["Der Trainingsplan", "Ein langer Lauf", "Die Intervalleinheit", "Der neue Laufschuh", "Ein Halbmarathon"],
        obj=["lockere Kilometer", "genug Schlaf", "eine gute Tempohärte", "Ruhetage", "ein Ziel im Frühjahr"],
        tip=["Laufen Sie langsamer als gedacht", "Planen Sie Ruhetage ein"],
        titles=[
            "Mein erster Halbmarathon",
            "Laufen im Winter",
            "Intervalle am Deich",
            "Neue Schuhe, alte Strecke",
            "Trainingstagebuch November",
        ],
    ),
    "parenting": dict(
        subj=[
            "Der Familienalltag",
            "Die Kita-Eingewöhnung",
            "Ein Regentag mit drei Kindern",
            "Das Abendritual",
            "Die Brotdose",
        ],
        obj=["viel Geduld", "feste Routinen", "einen Plan B", "Zeit für uns Eltern", "gute Bücher"],
        tip=["Planen Sie weniger ein", "Lassen Sie die Kinder mitkochen"],
        titles=[
            "Regentage mit Kindern",
            "Eingewöhnung in der Kita",
            "Unser Abendritual",
            "Brotdosen-Ideen für die Woche",
            "Vereinbarkeit, ehrlich betrachtet",
        ],
    ),
    "travel": dict(
        subj=["Die Radtour", "Ein Wochenende an der Ostsee", "Die Wanderung", "Der Campingplatz"],
        obj=["gutes Wetter", "eine leichte Regenjacke", "frühe Starts", "eine ruhige Unterkunft"],
        tip=["Buchen Sie früh", "Packen Sie leichter"],
        titles=["Radtour an der Elbe", "Wochenende auf Rügen", "Wandern im Harz", "Camping im Herbst"],
    ),
    "photo": dict(
        subj=["Die Festbrennweite", "Das Morgenlicht", "Eine Streetfotografie", "Die Bildbearbeitung"],
        obj=["einen ruhigen Hintergrund", "Geduld", "weiches Licht", "einen klaren Bildaufbau"],
        tip=["Fotografieren Sie zur blauen Stunde", "Gehen Sie näher ran"],
        titles=[
            "Streetfotografie in Leipzig",
            "Mit 35 mm unterwegs",
            "Herbstlicht am Morgen",
            "Bildbearbeitung ohne Kitsch",
        ],
    ),
}

EN = {
    "content": dict(
        subj=[
            "A content strategy",
            "The editorial calendar",
            "A good brief",
            "The content audit",
            "Our editorial team",
            "Evergreen content",
            "The buyer persona",
            "A clear positioning",
        ],
        obj=[
            "a clear editorial calendar",
            "measurable goals",
            "real questions from sales",
            "an honest content audit",
            "fewer but better pieces",
            "a proper topic architecture",
            "patience from leadership",
            "expert knowledge",
        ],
        tip=[
            "Cut every third planned piece",
            "Ask sales for the ten most common objections",
            "Plan updates like new posts",
        ],
        titles=[
            "Your content strategy should fit on one page",
            "How we run a content audit",
            "Less content, more impact",
            "Briefs that make writing better",
            "Content for long B2B buying cycles",
            "What sales knows about content",
        ],
    ),
    "corpblog": dict(
        subj=["A corporate blog", "The company blog", "Brand journalism", "A post from the factory floor"],
        obj=[
            "real stories from the business",
            "a voice of its own",
            "authors from every department",
            "a steady rhythm",
            "honesty over polish",
            "faces instead of logos",
        ],
        tip=["Start with twelve topics, not a hundred", "Give experts one hour a month to write"],
        titles=[
            "The first hundred days of a company blog",
            "Why your corporate blog needs an opinion",
            "Getting engineers to write",
            "Brand journalism in 2026",
        ],
    ),
    "employer": dict(
        subj=["Employer branding", "The careers page", "An honest employee profile", "The job ad"],
        obj=["trust among candidates", "a real look at daily work", "the voice of employees", "fewer clichés"],
        tip=["Let apprentices tell their own story", "Answer every review"],
        titles=["Employer branding without the fruit basket", "Careers pages that convince", "Rewriting job ads"],
    ),
    "intern": dict(
        subj=[
            "Internal communication",
            "The intranet",
            "A town hall",
            "Change communication",
            "The employee app",
            "An internal newsletter",
            "Leadership communication",
        ],
        obj=[
            "managers as messengers",
            "dialogue instead of announcements",
            "frontline employees",
            "a clear channel strategy",
            "transparency in a crisis",
            "plain language",
            "feedback from the shop floor",
        ],
        tip=[
            "Talk to supervisors first",
            "Retire a channel before launching a new one",
            "Measure understanding, not clicks",
        ],
        titles=[
            "Internal comms for frontline workers",
            "The intranet is dead, long live the intranet",
            "Five mistakes in change communication",
            "Town halls people actually attend",
            "Managers are your most important channel",
            "Internal comms in a crisis",
            "Rethinking the employee app",
        ],
    ),
    "linkedin": dict(
        subj=[
            "LinkedIn",
            "The CEO's profile",
            "A LinkedIn post",
            "The company page",
            "Employee advocacy",
            "Social selling",
        ],
        obj=[
            "personal posts by experts",
            "a clear point of view",
            "regular comments",
            "reach among decision makers",
            "conversations instead of broadcasts",
            "patience",
        ],
        tip=["Comment for ten minutes a day", "Write about decisions, not wins", "Skip engagement pods"],
        titles=[
            "LinkedIn for B2B: what works in 2026",
            "Employee advocacy without pressure",
            "Why your company page has no reach",
            "CEO communication on LinkedIn",
            "Commenting is the new posting",
        ],
    ),
    "newsletter": dict(
        subj=["A newsletter", "The subject line", "A curated newsletter", "The newsletter archive"],
        obj=["a fixed send day", "a personal sender", "one clear benefit per issue", "replies from readers"],
        tip=["Write it like a letter", "Ask for replies instead of clicks"],
        titles=[
            "B2B newsletters: letters, not catalogues",
            "Subject lines that get opened",
            "Why we stopped tracking opens",
        ],
    ),
    "pr": dict(
        subj=["Media relations", "A press release", "Crisis communication", "Media training"],
        obj=["good contacts in trade media", "one key message", "fast approvals", "honest answers"],
        tip=["Call instead of emailing", "Rehearse the three hardest questions"],
        titles=["Press releases that get picked up", "Crisis comms: the first hour", "Media training for engineers"],
    ),
    "ux": dict(
        subj=["Microcopy", "An error message", "The button label", "UX writing", "Onboarding copy"],
        obj=[
            "clear calls to action",
            "a friendly tone",
            "short sentences",
            "tests with real users",
            "a product glossary",
        ],
        tip=["Read every error message out loud", "Write buttons as verbs"],
        titles=[
            "UX writing in B2B software",
            "Error messages that help",
            "A style guide for microcopy",
            "Tone of voice in products",
        ],
    ),
    "email": dict(
        subj=["Email marketing", "An automation", "Deliverability", "The template", "Segmentation"],
        obj=[
            "a clean sending domain",
            "DKIM and SPF",
            "segmented lists",
            "responsive templates",
            "tests before every send",
        ],
        tip=["Check your DMARC records", "Segment by behaviour"],
        titles=[
            "Deliverability checklist",
            "Welcome flows that convert",
            "New in the editor: blocks",
            "Accessible email templates",
        ],
    ),
    "marketing": dict(
        subj=["Marketing", "The campaign", "The budget", "Brand building"],
        obj=["a clear audience", "alignment with sales", "realistic budgets", "clean data"],
        tip=["Plan the budget backwards", "Measure less, but properly"],
        titles=["Marketing planning for 2027", "Trade show or webinar?", "Brand building for small B2B firms"],
    ),
    "food": dict(
        subj=["Sourdough", "A Sunday roast", "The pumpkin soup", "A slow braise"],
        obj=["fresh herbs", "good butter", "seasonal vegetables", "time"],
        tip=["Let the dough rest overnight", "Toast the spices first"],
        titles=[
            "My weekend loaf",
            "Pumpkin soup with sage",
            "Cinnamon buns",
            "A slow Sunday braise",
            "Baking with rye",
        ],
    ),
    "running": dict(
        subj=["The training plan", "A long run", "Trail running"],
        obj=["easy miles", "enough sleep", "rest days"],
        tip=["Run slower than you think"],
        titles=["Winter miles", "My first trail race", "Training log: November"],
    ),
}

DE_COMMENTS = [
    "Danke für den Beitrag, das deckt sich mit meinen Erfahrungen.",
    "Spannend! Den Punkt mit der Freigabe kenne ich nur zu gut.",
    "Sehr hilfreich, ich teile das gleich mit dem Team.",
    "Ich sehe das etwas anders, aber gute Argumente.",
    "Genau darüber haben wir letzte Woche im Team diskutiert.",
    "Schöner Text. Gibt es dazu auch Zahlen?",
    "Danke, liebe Kollegin, für die Erwähnung!",
    "Das nehme ich mit in den nächsten Workshop.",
    "Wie handhabt ihr das bei kleineren Kunden?",
    "Endlich schreibt das mal jemand so deutlich.",
]
EN_COMMENTS = [
    "Thanks for this, it matches what I see with clients.",
    "Great point about approvals.",
    "Sharing this with my team right away.",
    "I see it a bit differently, but good arguments.",
    "Do you have numbers on this?",
    "Finally someone says it.",
]
MACHINE_COMMENTS = [
    "Toller Beitrag! Gerade im Bereich {t} ist das enorm wichtig. Wir haben dazu auch einen ausführlichen Artikel veröffentlicht.",
    "Sehr informativer Artikel, vielen Dank! Weitere Tipps zum Thema {t} finden Ihre Leser auf unserer Seite.",
    "Super zusammengefasst. {t} wird oft unterschätzt, danke für die wertvollen Einblicke!",
    "Great article! {t} is so important for B2B companies today. Keep up the good work!",
]
SYN = {
    "braucht": "benötigt",
    "stärkt": "festigt",
    "verändert": "wandelt",
    "verlangt": "fordert",
    "schafft": "erzeugt",
    "Ehrlich gesagt": "Offen gesagt",
    "Aus meiner Sicht": "Meiner Meinung nach",
    "Im Alltag": "In der Praxis",
    "echte": "authentische",
    "klaren": "eindeutigen",
    "klare": "eindeutige",
    "Geschichten": "Erzählungen",
    "Betrieb": "Unternehmen",
    "Mitarbeitenden": "Beschäftigten",
    "Kolleginnen": "Mitarbeiterinnen",
    "Beitrag": "Artikel",
    "Kunden": "Auftraggeber",
    "wichtig": "bedeutsam",
    "oft": "häufig",
    "kurze": "knappe",
    "needs": "requires",
    "builds": "creates",
    "real": "genuine",
    "clear": "distinct",
    "often": "frequently",
    "Honestly": "Frankly",
    "clients": "customers",
    "honest": "candid",
}

# --------------------------------------------------------------------------------------------
# model
# --------------------------------------------------------------------------------------------


@dataclass
class Post:
    title: str
    slug: str
    path: str
    date: dt.date
    paras: list[str]
    comments: list[tuple[str, str | None, dt.date, str]] = field(default_factory=list)
    canonical: str | None = None
    note_html: str = ""  # attribution line of a republished post
    author: str = ""


@dataclass
class Site:
    host: str
    label: str
    lang: str
    theme: str
    title: str
    author: str
    kind: str = "blog"  # blog, agency, vendor, news, social, shop, aggregator, portal, moved
    tpl: str = "wp"  # wp, ghost, blogger, substack, plain, builder
    date_style: str = "time"
    feed: str | None = "rss"  # rss, atom or None
    base: str = "/"  # blog section
    posts: list[Post] = field(default_factory=list)
    blogroll: list[tuple[str, str]] = field(default_factory=list)
    roll_style: str = "widget"  # widget, page, footer, none
    impressum: bool = True
    about: bool = True
    address: tuple[str, str, str] = ("", "", "")
    email: str = ""
    moved_to: str | None = None
    extra_links: list[tuple[str, str]] = field(default_factory=list)  # sidebar/home links
    pages: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://{self.host}{self.base}"


class World:
    def __init__(self) -> None:
        self.sites: dict[str, Site] = {}
        self.pages: dict[tuple[str, str], tuple[int, dict[str, str], bytes]] = {}
        self.seeds: list[str] = []
        self.truth: dict[str, str] = {}
        self.topic = TOPIC

    def response(self, host: str, path: str) -> tuple[int, dict[str, str], bytes]:
        host = host.lower()
        if host.startswith("www."):
            host = host[4:]
        path = path.split("#")[0].split("?")[0] or "/"
        site = self.sites.get(host)
        if site is None:
            return 404, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>Not found</h1>"
        if site.moved_to:
            return 301, {"Location": f"http://{site.moved_to}{path}", "Content-Type": "text/html"}, b"Moved"
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /wp-admin/\n"
        hit = self.pages.get((host, path))
        if hit is None and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            if (host, path + "/") in self.pages:
                return 301, {"Location": f"http://{host}{path}/", "Content-Type": "text/html"}, b"Moved"
        if hit is None:
            body = _frame(
                site, "404", "<h1>Seite nicht gefunden</h1>" if site.lang == "de" else "<h1>Page not found</h1>"
            )
            return 404, {"Content-Type": "text/html; charset=utf-8"}, body.encode()
        return hit


# --------------------------------------------------------------------------------------------
# prose
# --------------------------------------------------------------------------------------------

ARTICLES = ("Ein", "Eine", "Der", "Die", "Das", "Unser", "Unsere", "Mein", "Meine")


def _low(np_: str) -> str:
    first, _, rest = np_.partition(" ")
    return (first.lower() + " " + rest) if first in ARTICLES and rest else np_


def _en_low(np_: str) -> str:
    first, _, rest = np_.partition(" ")
    return (first.lower() + " " + rest) if first in ("A", "An", "The", "Our", "Your") and rest else np_


def sentence(rng: random.Random, lang: str, themes: list[str]) -> str:
    bank = DE if lang == "de" else EN
    th = bank[rng.choice([t for t in themes if t in bank] or ["content"])]
    th2 = bank[rng.choice([t for t in themes if t in bank] or ["content"])]
    s, o = rng.choice(th["subj"]), rng.choice(th2["obj"])
    k = rng.random()
    if lang == "de":
        v, vf = rng.choice(DE_VERBS)
        if k < 0.22:
            return f"{s} {v} {o}."
        if k < 0.42:
            return f"{rng.choice(DE_OPEN)} {v} {_low(s)} {o}."
        if k < 0.58:
            return f"{rng.choice(DE_INTRO)}, dass {_low(s)} {o} {vf}."
        if k < 0.68:
            return (
                f"{rng.choice(DE_WHEN)} habe ich mit {rng.choice(DE_PEOPLE)} von {rng.choice(DE_FIRMS)} "
                f"über {o} gesprochen."
            )
        if k < 0.76:
            n = rng.choice([40, 85, 120, 240, 600, 1500, 3200])
            return f"Bei {rng.choice(DE_FIRMS)} mit {n} Beschäftigten {v} {_low(s)} {o}."
        if k < 0.84:
            return f"Mein Tipp: {rng.choice(th['tip'])}."
        if k < 0.91:
            return f"Die Frage ist nicht, ob {_low(s)} {o} {vf}, sondern wie konsequent."
        return rng.choice(DE_SHORT)
    v = rng.choice(EN_VERBS)
    if k < 0.25:
        return f"{s} {v} {o}."
    if k < 0.45:
        return f"{rng.choice(EN_OPEN)}, {_en_low(s)} {v} {o}."
    if k < 0.6:
        return f"{rng.choice(EN_INTRO)} that {_en_low(s)} {v} {o}."
    if k < 0.7:
        return f"{rng.choice(EN_WHEN)} I talked to {rng.choice(DE_PEOPLE)} from {rng.choice(EN_FIRMS)} about {o}."
    if k < 0.8:
        return f"My advice: {rng.choice(th['tip'])}."
    if k < 0.9:
        return f"The question is not whether {_en_low(s)} {v} {o}, but how consistently."
    return rng.choice(EN_SHORT)


def paragraphs(rng: random.Random, lang: str, themes: list[str], n: int | None = None) -> list[str]:
    n = n or rng.randint(4, 7)
    return [" ".join(sentence(rng, lang, themes) for _ in range(rng.randint(3, 5))) for _ in range(n)]


def reword(rng: random.Random, paras: list[str]) -> list[str]:
    out = []
    for p in paras:
        for a, b in SYN.items():
            if rng.random() < 0.8:
                p = p.replace(a, b)
        sents = [s.strip() + "." for s in p.split(".") if s.strip()]
        rng.shuffle(sents)
        out.append(" ".join(sents))
    rng.shuffle(out)
    return out


def slugify(title: str) -> str:
    t = title.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        t = t.replace(a, b)
    return "-".join("".join(c if c.isalnum() else " " for c in t).split())[:60]


# --------------------------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------------------------

MON_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
MON_DE_SHORT = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
MON_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAY_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]


def date_html(site: Site, d: dt.date, author: str = "") -> str:
    st = site.date_style
    iso = d.isoformat()
    if st == "time":
        txt = (
            f"{d.day}. {MON_DE[d.month - 1]} {d.year}"
            if site.lang == "de"
            else f"{MON_EN[d.month - 1]} {d.day}, {d.year}"
        )
        return f'<time class="entry-date published" datetime="{iso}T09:00:00+01:00">{txt}</time>'
    if st == "veroeff":
        return f'<span class="meta">Veröffentlicht am {d.day:02d}.{d.month:02d}.{d.year}</span>'
    if st == "kurz":
        return f'<span class="datum">{d.day}. {MON_DE_SHORT[d.month - 1]} {d.year}</span>'
    if st == "en_long":
        return f'<p class="post-meta">{MON_EN[d.month - 1]} {d.day}, {d.year}</p>'
    if st == "byline":
        return (
            f'<p class="byline">von {html.escape(author or site.author)} · {d.day}. {MON_DE[d.month - 1]} {d.year}</p>'
        )
    if st == "blogger":
        return (
            f'<h2 class="date-header"><span>{DAY_DE[d.weekday()]}, {d.day}. {MON_DE[d.month - 1]} {d.year}</span></h2>'
        )
    if st == "substack":
        return f'<div class="pencraft meta">{MON_EN[d.month - 1][:3]} {d.day}, {d.year}</div>'
    if st == "numeric":
        return f'<span class="date">{d.day:02d}.{d.month:02d}.{d.year}</span>'
    return ""


def rfc822(d: dt.date) -> str:
    return format_datetime(dt.datetime.combine(d, dt.time(9, 0), tzinfo=dt.UTC), usegmt=True)


# --------------------------------------------------------------------------------------------
# rendering
# --------------------------------------------------------------------------------------------

COOKIE = {
    "de": '<div id="cookie-notice" class="cookie-banner" role="dialog"><p>Wir verwenden Cookies, um unsere Website '
    '<a href="/datenschutz/">zu verbessern</a>. Einige sind notwendig, andere helfen uns bei der Statistik.</p>'
    "<button>Alle akzeptieren</button> <button>Nur notwendige</button></div>",
    "en": '<div class="cookie-consent"><p>We use cookies to improve your experience. '
    '<a href="/privacy/">Privacy policy</a></p><button>Accept</button><button>Decline</button></div>',
}


def _nav(site: Site) -> str:
    de = site.lang == "de"
    items = [(site.base, "Start" if de else "Home")]
    if site.about:
        items.append(
            (site.pages.get("about_path", "/ueber-mich/" if de else "/about/"), "Über mich" if de else "About")
        )
    if site.roll_style == "page":
        items.append((site.pages.get("roll_path", "/blogroll/"), site.pages.get("roll_title", "Blogroll")))
    if site.impressum:
        items.append(("/impressum/", "Impressum") if de else ("/imprint/", "Imprint"))
    return '<nav class="main-nav"><ul>' + "".join(f'<li><a href="{p}">{t}</a></li>' for p, t in items) + "</ul></nav>"


def _sidebar(site: Site) -> str:
    de = site.lang == "de"
    out = [
        '<aside id="secondary" class="widget-area">',
        f'<section class="widget widget_search"><form role="search" action="{site.base}"><input name="s" '
        f'placeholder="{"Suchen" if de else "Search"}"></form></section>',
    ]
    if site.posts:
        out.append(
            f'<section class="widget widget_recent_entries"><h2 class="widget-title">{"Neueste Beiträge" if de else "Recent posts"}</h2><ul>'
        )
        out += [f'<li><a href="{p.path}">{html.escape(p.title)}</a></li>' for p in site.posts[:5]]
        out.append("</ul></section>")
    if site.roll_style == "widget" and site.blogroll:
        out.append(
            '<section class="widget widget_links"><h2 class="widget-title">Blogroll</h2><ul class="xoxo blogroll">'
        )
        out += [f'<li><a href="{u}">{html.escape(t)}</a></li>' for u, t in site.blogroll]
        out.append("</ul></section>")
    if site.extra_links:
        out.append(
            f'<section class="widget"><h2 class="widget-title">{"Lesenswert" if de else "Worth reading"}</h2><ul>'
        )
        out += [f'<li><a href="{u}">{html.escape(t)}</a></li>' for u, t in site.extra_links]
        out.append("</ul></section>")
    out.append("</aside>")
    return "".join(out)


def _footer(site: Site) -> str:
    de = site.lang == "de"
    parts = ['<footer class="site-footer">']
    if site.roll_style == "footer" and site.blogroll:
        parts.append(f'<div class="footer-links"><h4>{"Befreundete Blogs" if de else "Friends"}</h4><ul>')
        parts += [f'<li><a href="{u}">{html.escape(t)}</a></li>' for u, t in site.blogroll]
        parts.append("</ul></div>")
    legal = []
    if site.impressum:
        legal.append('<a href="/impressum/">Impressum</a>' if de else '<a href="/imprint/">Imprint</a>')
    legal.append('<a href="/datenschutz/">Datenschutz</a>' if de else '<a href="/privacy/">Privacy</a>')
    if site.feed:
        legal.append(f'<a href="{site.pages.get("feed_path")}">RSS</a>')
    gen = {
        "wp": "Stolz präsentiert von WordPress" if de else "Proudly powered by WordPress",
        "ghost": "Published with Ghost",
        "blogger": "Powered by Blogger",
        "substack": "Substack",
    }.get(site.tpl, "")
    parts.append(f"<p>© {TODAY.year} {html.escape(site.title)} · {' · '.join(legal)} {gen}</p></footer>")
    return "".join(parts)


def _frame(
    site: Site, title: str, main: str, *, canonical: str | None = None, head_extra: str = "", sidebar: bool = True
) -> str:
    feed = ""
    if site.feed:
        typ = "application/rss+xml" if site.feed == "rss" else "application/atom+xml"
        feed = f'<link rel="alternate" type="{typ}" title="{html.escape(site.title)} Feed" href="{site.pages.get("feed_path")}">'
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    lang = site.lang
    t = html.escape(title)
    st = html.escape(site.title)
    if site.tpl == "builder":
        return (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{t}</title>{feed}{canon}{head_extra}'
            f'<meta name="viewport" content="width=device-width"></head><body class="page-builder">'
            f'<div class="elementor-section"><div class="elementor-container"><div class="elementor-column">'
            f'<div class="logo"><a href="/">{st}</a></div>{_nav(site)}</div></div></div>'
            f'<div class="elementor-section content"><div class="elementor-container"><div class="elementor-widget-wrap">'
            f"{main}</div></div></div>{_footer(site)}{COOKIE[lang]}</body></html>"
        )
    side = _sidebar(site) if sidebar and site.tpl in ("wp", "blogger", "plain") else ""
    side_footer = (
        _sidebar(site) if sidebar and site.tpl in ("ghost", "substack") and site.roll_style == "widget" else ""
    )
    cookie = COOKIE[lang] if site.tpl != "substack" else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{t}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">{feed}{canon}{head_extra}</head>'
        f'<body class="{site.tpl}"><header class="site-header"><p class="site-title"><a href="{site.base}">{st}</a></p>'
        f'{_nav(site)}</header><div id="content" class="site-content"><main id="main">{main}</main>{side}</div>'
        f"{side_footer}{_footer(site)}{cookie}</body></html>"
    )


def _comments_html(site: Site, post: Post) -> str:
    if not post.comments:
        return ""
    de = site.lang == "de"
    out = [
        f'<section id="comments" class="comments-area"><h3 class="comments-title">{len(post.comments)} '
        f'{("Kommentar" if len(post.comments) == 1 else "Kommentare") if de else ("comment" if len(post.comments) == 1 else "comments")}</h3><ol class="comment-list">'
    ]
    for i, (name, url, when, text) in enumerate(post.comments):
        who = (
            f'<a href="{url}" class="url" rel="external nofollow ugc">{html.escape(name)}</a>'
            if url
            else html.escape(name)
        )
        when_txt = (
            f"{when.day}. {MON_DE[when.month - 1]} {when.year}"
            if de
            else f"{MON_EN[when.month - 1]} {when.day}, {when.year}"
        )
        out.append(
            f'<li id="comment-{i + 1}" class="comment"><article class="comment-body"><footer class="comment-meta">'
            f'<div class="comment-author vcard"><b class="fn">{who}</b> <span class="says">{"sagt" if de else "says"}:</span></div>'
            f'<div class="comment-metadata">{when_txt}</div></footer><div class="comment-content"><p>{text}</p></div>'
            f'<div class="reply"><a class="comment-reply-link" href="#respond">{"Antworten" if de else "Reply"}</a></div></article></li>'
        )
    out.append("</ol></section>")
    return "".join(out)


def render_post(site: Site, post: Post) -> str:
    de = site.lang == "de"
    body = "".join((f"<h2>{html.escape(p[3:])}</h2>" if p.startswith("## ") else f"<p>{p}</p>") for p in post.paras)
    author = post.author or site.author
    meta = date_html(site, post.date, author)
    head_extra = ""
    if site.tpl in ("wp", "ghost"):
        head_extra = f'<meta property="article:published_time" content="{post.date.isoformat()}T09:00:00+01:00">'
    if site.tpl == "blogger":
        inner = (
            f'{meta}<div class="post-outer"><div class="post hentry"><h3 class="post-title entry-title">{html.escape(post.title)}</h3>'
            f'<div class="post-body entry-content">{body}</div><div class="post-footer">Eingestellt von '
            f'<span class="fn">{html.escape(author)}</span></div></div></div>'
        )
    else:
        byline = (
            ""
            if site.date_style == "byline" or not author
            else (
                f'<span class="author vcard">{"von" if de else "by"} <span class="fn">{html.escape(author)}</span></span> '
            )
        )
        inner = (
            f'<article class="post type-post hentry"><header class="entry-header"><h1 class="entry-title">{html.escape(post.title)}</h1>'
            f'<div class="entry-meta">{byline}{meta}</div></header>'
            f'<div class="entry-content">{post.note_html}{body}</div></article>'
        )
    share = (
        (
            '<div class="share">Teilen: <a href="http://linkedin.com/shareArticle?url=' + post.path + '">LinkedIn</a> '
            '<a href="http://xing.com/spi/shares/new">XING</a></div>'
        )
        if site.tpl in ("wp", "plain")
        else ""
    )
    respond = (
        (
            '<div id="respond"><h3>Schreibe einen Kommentar</h3><form><textarea></textarea><input name="author" placeholder="Name">'
            '<input name="url" placeholder="Website"><button>Kommentar abschicken</button></form></div>'
        )
        if de
        else (
            '<div id="respond"><h3>Leave a reply</h3><form><textarea></textarea><button>Post comment</button></form></div>'
        )
    )
    return _frame(
        site,
        f"{post.title} – {site.title}",
        inner + share + _comments_html(site, post) + respond,
        canonical=post.canonical or f"http://{site.host}{post.path}",
        head_extra=head_extra,
    )


def render_home(site: Site, intro: str = "") -> str:
    de = site.lang == "de"
    items = []
    for p in site.posts[:12]:
        first = next((x for x in p.paras if not x.startswith("## ")), "")
        plain = "".join(part.split(">", 1)[-1] for part in first.split("<"))
        excerpt = html.escape(plain[:220].rsplit(" ", 1)[0]) + " …" if plain else ""
        meta = date_html(site, p.date, p.author or site.author)
        if site.tpl == "blogger":
            items.append(
                f'{meta}<div class="post-outer"><h3 class="post-title"><a href="{p.path}">{html.escape(p.title)}</a></h3>'
                f'<div class="post-body">{excerpt}</div></div>'
            )
        else:
            items.append(
                f'<article class="post hentry"><h2 class="entry-title"><a href="{p.path}" rel="bookmark">{html.escape(p.title)}</a></h2>'
                f'<div class="entry-meta">{meta}</div><div class="entry-summary"><p>{excerpt}</p></div>'
                f'<a class="more-link" href="{p.path}">{"Weiterlesen" if de else "Read more"}</a></article>'
            )
    return _frame(site, site.title, intro + "".join(items), canonical=site.url)


def render_feed(site: Site) -> str:
    posts = site.posts[:10]
    if site.feed == "atom":
        entries = "".join(
            f'<entry><title>{html.escape(p.title)}</title><link href="http://{site.host}{p.path}"/><id>http://{site.host}{p.path}</id>'
            f"<published>{p.date.isoformat()}T09:00:00Z</published><updated>{p.date.isoformat()}T09:00:00Z</updated>"
            f"<author><name>{html.escape(p.author or site.author)}</name></author>"
            f"<summary>{html.escape(p.paras[0][:300] if p.paras else '')}</summary></entry>"
            for p in posts
        )
        upd = posts[0].date.isoformat() if posts else TODAY.isoformat()
        return (
            f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{html.escape(site.title)}</title>'
            f'<link href="{site.url}"/><updated>{upd}T09:00:00Z</updated><id>{site.url}</id>{entries}</feed>'
        )
    items = "".join(
        f"<item><title>{html.escape(p.title)}</title><link>http://{site.host}{p.path}</link><guid>http://{site.host}{p.path}</guid>"
        f"<pubDate>{rfc822(p.date)}</pubDate><dc:creator>{html.escape(p.author or site.author)}</dc:creator>"
        f"<description>{html.escape(p.paras[0][:300] if p.paras else '')}</description></item>"
        for p in posts
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{html.escape(site.title)}</title><link>{site.url}</link><language>{site.lang}</language>"
        f"<description>{html.escape(site.title)}</description>{items}</channel></rss>"
    )


# --------------------------------------------------------------------------------------------
# building
# --------------------------------------------------------------------------------------------

STREETS = [
    "Hauptstraße",
    "Lindenallee",
    "Am Markt",
    "Schillerstraße",
    "Hafenstraße",
    "Gartenweg",
    "Bahnhofstraße",
    "Kirchgasse",
]
CITIES = [
    ("20457", "Hamburg"),
    ("50667", "Köln"),
    ("80331", "München"),
    ("04109", "Leipzig"),
    ("28195", "Bremen"),
    ("60311", "Frankfurt am Main"),
    ("70173", "Stuttgart"),
    ("10115", "Berlin"),
    ("48143", "Münster"),
    ("90402", "Nürnberg"),
]


class Builder:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.w = World()

    def site(self, host: str, label: str, lang: str, theme: str, title: str, author: str, **kw) -> Site:
        s = Site(host=host, label=label, lang=lang, theme=theme, title=title, author=author, **kw)
        z, c = self.rng.choice(CITIES)
        s.address = (author, f"{self.rng.choice(STREETS)} {self.rng.randint(1, 80)}", f"{z} {c}")
        s.email = f"{'hallo' if lang == 'de' else 'hello'}@{host.split('/')[0]}" if "." in host else ""
        if s.tpl == "blogger":
            s.pages["feed_path"] = "/feeds/posts/default"
        elif s.tpl == "substack":
            s.pages["feed_path"] = "/feed"
        elif s.tpl == "ghost":
            s.pages["feed_path"] = "/rss/"
        else:
            s.pages["feed_path"] = s.base + "feed/"
        self.w.sites[host] = s
        if label:
            self.w.truth[host] = label
        return s

    def posts(
        self, s: Site, n: int, newest: dt.date, gap: tuple[int, int], themes: list[str] | None = None, per_day: int = 1
    ) -> None:
        rng = self.rng
        d = newest
        bank = DE if s.lang == "de" else EN
        themes = themes or [s.theme]
        used: set[str] = set()
        for i in range(n):
            th = rng.choice(themes)
            b = bank.get(th) or bank["content"]
            title = rng.choice(b["titles"])
            if title in used:
                title = f"{title} ({'Teil' if s.lang == 'de' else 'part'} {sum(t.startswith(title) for t in used) + 1})"
            used.add(title)
            paras = paragraphs(rng, s.lang, [th, th, *themes])
            k = rng.randint(1, len(paras) - 1)
            paras.insert(k, "## " + rng.choice(b["titles"]))
            slug = slugify(title)
            if s.tpl == "wp":
                path = f"{s.base}{d.year}/{d.month:02d}/{slug}/"
            elif s.tpl == "blogger":
                path = f"/{d.year}/{d.month:02d}/{slug[:40]}.html"
            elif s.tpl == "substack":
                path = f"/p/{slug}"
            elif s.tpl == "ghost":
                path = f"/{slug}/"
            else:
                path = f"{s.base}{slug}/" if s.base != "/" else f"/blog/{slug}/"
            if any(p.path == path for p in s.posts):
                path = path.rstrip("/") + f"-{i}" + ("/" if path.endswith("/") else "")
            s.posts.append(Post(title, slug, path, d, paras))
            if (i + 1) % per_day == 0:
                d -= dt.timedelta(days=rng.randint(*gap))
        s.posts.sort(key=lambda p: p.date, reverse=True)

    def link_in(self, s: Site, post: Post, url: str, anchor: str, name: str = "") -> None:
        de = s.lang == "de"
        a = f'<a href="{url}">{html.escape(anchor)}</a>'
        forms = (
            [
                f"Sehr lesenswert dazu ist {a}{' von ' + name if name else ''}.",
                f"Wie {name or 'eine Kollegin'} in {a} schreibt, lohnt sich ein zweiter Blick.",
                f"Mehr dazu steht bei {a}.",
                f"Eine gute Ergänzung: {a}.",
            ]
            if de
            else [
                f"Worth reading: {a}{' by ' + name if name else ''}.",
                f"As {name or 'a colleague'} writes in {a}, it is worth a second look.",
                f"More on this at {a}.",
                f"A good companion piece: {a}.",
            ]
        )
        body = [i for i, p in enumerate(post.paras) if not p.startswith("## ")]
        i = self.rng.choice(body)
        post.paras[i] = post.paras[i] + " " + self.rng.choice(forms)

    def comment(self, post: Post, name: str, url: str | None, text: str, days: int = 1) -> None:
        post.comments.append((name, url, min(TODAY, post.date + dt.timedelta(days=days)), text))
        post.comments.sort(key=lambda c: c[2])


def _legal_pages(b: Builder, s: Site) -> None:
    de = s.lang == "de"
    w = b.w
    pages: dict[str, str] = {}
    if s.impressum:
        name, street, city = s.address
        txt = (
            f"<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>{html.escape(name)}<br>{street}<br>{city}</p>"
            f'<p>Kontakt: E-Mail: <a href="mailto:{s.email}">{s.email}</a><br>Telefon: +49 {b.rng.randint(30, 911)} '
            f"{b.rng.randint(100000, 9999999)}</p><p>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: {html.escape(name)}</p>"
            if de
            else f'<h1>Imprint</h1><p>{html.escape(name)}<br>{street}<br>{city}</p><p>Email: <a href="mailto:{s.email}">{s.email}</a></p>'
        )
        pages["/impressum/" if de else "/imprint/"] = _frame(s, "Impressum" if de else "Imprint", txt, sidebar=False)
    pages["/datenschutz/" if de else "/privacy/"] = _frame(
        s,
        "Datenschutz" if de else "Privacy",
        "<h1>Datenschutzerklärung</h1><p>Wir nehmen den Schutz Ihrer Daten ernst. "
        "Diese Website verwendet technisch notwendige Cookies und ein datensparsames Statistik-Tool.</p>"
        if de
        else "<h1>Privacy policy</h1><p>We take your privacy seriously.</p>",
        sidebar=False,
    )
    if s.about:
        path = s.pages.get("about_path", "/ueber-mich/" if de else "/about/")
        themes = {
            "content": "Content-Strategie",
            "corpblog": "Corporate Blogs",
            "employer": "Employer Branding",
            "intern": "interne Kommunikation",
            "linkedin": "LinkedIn im B2B",
            "newsletter": "Newsletter",
            "pr": "Pressearbeit",
            "hr": "Recruiting",
            "ux": "UX Writing",
            "marketing": "Marketing",
            "email": "E-Mail-Marketing",
            "food": "Kochen",
            "running": "Laufen",
            "parenting": "Familienleben",
            "travel": "Reisen",
            "photo": "Fotografie",
        }
        th = themes.get(s.theme, s.theme)
        txt = (
            f"<h1>Über mich</h1><p>Hallo, ich bin {html.escape(s.author)}. Hier schreibe ich seit {b.rng.randint(2014, 2023)} "
            f"über {th}. Beruflich berate ich Unternehmen aus {s.address[2].split(' ', 1)[1]} und ganz Deutschland.</p>"
            f'<p>Sie erreichen mich unter <a href="mailto:{s.email}">{s.email}</a>.</p>'
            if de
            else f"<h1>About</h1><p>Hi, I'm {html.escape(s.author)}. I have been writing here about {th} since "
            f'{b.rng.randint(2014, 2023)}. Get in touch: <a href="mailto:{s.email}">{s.email}</a>.</p>'
        )
        pages[path] = _frame(s, ("Über mich – " if de else "About – ") + s.title, txt)
    if s.roll_style == "page" and s.blogroll:
        path = s.pages.get("roll_path", "/blogroll/")
        lis = "".join(f'<li><a href="{u}">{html.escape(t)}</a></li>' for u, t in s.blogroll)
        pages[path] = _frame(
            s,
            s.pages.get("roll_title", "Blogroll"),
            f'<h1>{s.pages.get("roll_title", "Blogroll")}</h1><p>Blogs, die ich gerne lese:</p><ul class="linklist">{lis}</ul>',
        )
    for path, body in pages.items():
        w.pages[(s.host, path)] = (200, {"Content-Type": "text/html; charset=utf-8"}, body.encode())


def _publish(b: Builder, s: Site, intro: str = "") -> None:
    w = b.w
    hdr = {"Content-Type": "text/html; charset=utf-8"}
    if s.kind in ("vendor", "news", "social", "shop"):
        pass
    else:
        _legal_pages(b, s)
    for p in s.posts:
        w.pages[(s.host, p.path)] = (200, dict(hdr, **{"Last-Modified": rfc822(p.date)}), render_post(s, p).encode())
    w.pages[(s.host, s.base)] = (200, hdr, render_home(s, intro).encode())
    if s.feed and s.posts:
        ctype = "application/rss+xml; charset=utf-8" if s.feed == "rss" else "application/atom+xml; charset=utf-8"
        w.pages[(s.host, s.pages["feed_path"])] = (200, {"Content-Type": ctype}, render_feed(s).encode())


# --------------------------------------------------------------------------------------------
# the world
# --------------------------------------------------------------------------------------------

SEEDS = [
    # host, title, author, theme(s), roll style, feed, template
    (
        "klartext-b2b.de",
        "Klartext B2B – der Blog der Agentur Klartext Kommunikation",
        "Anke Brandt",
        ["content", "corpblog"],
        "widget",
        "rss",
        "wp",
    ),
    ("interne-zeilen.de", "Interne Zeilen", "Miriam Sauer", ["intern", "employer"], "page", "atom", "plain"),
    (
        "profilarbeit.de",
        "Profilarbeit – LinkedIn für den Mittelstand",
        "Jonas Ebert",
        ["linkedin", "content"],
        "footer",
        None,
        "plain",
    ),
    (
        "briefkasten-blog.de",
        "Briefkasten – Newsletter & Content",
        "Sandra Wolff",
        ["newsletter", "content"],
        "page",
        "rss",
        "wp",
    ),
]

# host, lang, theme, title, author, tpl, date_style, feed, extra
PARTNERS = [
    ("redaktionsplan.wordpress.com", "de", "corpblog", "Der Redaktionsplan", "Julia Hartmann", "wp", "time", "rss"),
    (
        "b2b-storytelling.blogspot.com",
        "de",
        "content",
        "B2B Storytelling",
        "Markus Vogel",
        "blogger",
        "blogger",
        "atom",
    ),
    ("thecommsdesk.substack.com", "en", "intern", "The Comms Desk", "Rachel Moore", "substack", "substack", "rss"),
    ("contentcompass.ghost.io", "en", "content", "Content Compass", "Daniel Price", "ghost", "time", "rss"),
    (
        "petralang.de",
        "de",
        "employer",
        "Petra Lang – Arbeitgebermarke mit Haltung",
        "Petra Lang",
        "plain",
        "byline",
        None,
    ),
    (
        "mitarbeiterzeitung-digital.de",
        "de",
        "intern",
        "Mitarbeiterzeitung digital",
        "Frank Böhm",
        "plain",
        "veroeff",
        None,
    ),
    ("fachtext-mittelstand.de", "de", "corpblog", "Fachtext Mittelstand", "Ines Kramer", "builder", "kurz", None),
    ("plainb2b.com", "en", "linkedin", "Plain B2B", "Tom Fletcher", "plain", "en_long", None),
    ("cb-praxis.de", "de", "corpblog", "Corporate Blogging in der Praxis", "Heike Albers", "wp", "time", "rss"),
    (
        "nordlicht-kommunikation.de",
        "de",
        "content",
        "Nordlicht Kommunikation – Blog",
        "Lars Petersen",
        "builder",
        "numeric",
        "rss",
    ),
    ("newsletter-notizen.de", "de", "newsletter", "Newsletter-Notizen", "Carla Reuter", "wp", "time", "rss"),
    ("linkedin-lotse.de", "de", "linkedin", "LinkedIn-Lotse", "Benedikt Sommer", "wp", "time", "rss"),
    ("employer-stories.de", "de", "employer", "Employer Stories", "Lea Winter", "ghost", "time", "atom"),
    (
        "internalcommsmatters.wordpress.com",
        "en",
        "intern",
        "Internal Comms Matters",
        "Sophie Clarke",
        "wp",
        "time",
        "rss",
    ),
    ("the-b2b-editor.com", "en", "content", "The B2B Editor", "Hannah Kerr", "plain", "time", "rss"),
    ("kommunikationsbuero-weiss.de", "de", "intern", "Kommunikationsbüro Weiß", "Susanne Weiß", "wp", "time", "rss"),
    (
        "contentstrategie-kollektiv.de",
        "de",
        "content",
        "Contentstrategie-Kollektiv",
        "Ole Jansen",
        "plain",
        "time",
        "atom",
    ),
    (
        "corporateblogger.blogspot.com",
        "de",
        "corpblog",
        "Der Corporate Blogger",
        "Stefan Roth",
        "blogger",
        "blogger",
        "atom",
    ),
    (
        "chefsache.substack.com",
        "de",
        "linkedin",
        "Chefsache – CEO-Kommunikation",
        "Verena Maier",
        "substack",
        "substack",
        "rss",
    ),
    ("intranet-geschichten.de", "de", "intern", "Intranet-Geschichten", "Tim Lorenz", "plain", "kurz", None),
    ("b2bcontentlab.com", "en", "newsletter", "B2B Content Lab", "Grace Mitchell", "wp", "time", "rss"),
]
ADJACENT = [
    ("pr-werkstatt.de", "de", "pr", "PR-Werkstatt", "Gabi Neumann", "wp", "time", "rss"),
    ("recruiting-praxis.de", "de", "hr", "Recruiting-Praxis", "Martin Kühn", "wp", "time", "rss"),
    ("ux-texte.de", "de", "ux", "UX-Texte", "Laura Fink", "plain", "time", "rss"),
    ("microcopymatters.com", "en", "ux", "Microcopy Matters", "Ellie Park", "ghost", "time", "rss"),
    ("marketing-mittelstand.de", "de", "marketing", "Marketing im Mittelstand", "Peter Haas", "wp", "time", "rss"),
    ("sendwerk.de", "de", "email", "Sendwerk Blog", "Team Sendwerk", "builder", "time", "rss"),
    ("inboxly.io", "en", "email", "Inboxly Blog", "Inboxly Team", "builder", "en_long", "rss"),
    ("personalerblog.de", "de", "hr", "Personalerblog", "Anja Schuster", "wp", "time", "rss"),
    ("pressearbeit-kompakt.de", "de", "pr", "Pressearbeit kompakt", "Rolf Busch", "plain", "veroeff", None),
    ("eventkommunikation.de", "de", "marketing", "Eventkommunikation", "Kerstin Otto", "wp", "time", "rss"),
    ("podcast-fuer-firmen.de", "de", "marketing", "Podcast für Firmen", "Sven Köhler", "plain", "time", "rss"),
    ("prnotes.co.uk", "en", "pr", "PR Notes", "James Holt", "wp", "time", "rss"),
    ("hr-kommunikation.blogspot.com", "de", "hr", "HR-Kommunikation", "Doris Lang", "blogger", "blogger", "atom"),
    ("growth-b2b.de", "de", "marketing", "Growth B2B", "Felix Brandt", "plain", "time", "rss"),
    ("textlabor-ux.de", "de", "ux", "Textlabor", "Mira Scholz", "wp", "kurz", None),
]
LIFESTYLE = [
    ("ofenliebe.de", "de", "food", "Ofenliebe", "Anke Brandt", "wp"),  # the seed author's own food blog
    ("laufend-leben.de", "de", "running", "Laufend leben", "Kathrin Wolff", "wp"),
    ("mamaplusdrei.de", "de", "parenting", "Mama plus drei", "Jenny Ebert", "wp"),
    ("kuechenfreude.blogspot.com", "de", "food", "Küchenfreude", "Renate Maier", "blogger"),
    ("marathonmama.de", "de", "running", "Marathonmama", "Sarah Keller", "plain"),
    ("papa-im-homeoffice.de", "de", "parenting", "Papa im Homeoffice", "Christian Funk", "wp"),
    ("trailrunnerin.wordpress.com", "de", "running", "Trailrunnerin", "Eva Hahn", "wp"),
    ("sourdough-sundays.com", "en", "food", "Sourdough Sundays", "Megan Ross", "ghost"),
]
OFFTOPIC = [
    ("radtouren-nord.de", "travel", "Radtouren Nord", "Jan Meyer"),
    ("ostsee-wochenenden.de", "travel", "Ostsee-Wochenenden", "Ute Kraft"),
    ("lichtfang-fotografie.de", "photo", "Lichtfang", "Paul Zimmer"),
    ("hochbeet-helden.de", "garten", "Hochbeet-Helden", "Gerd Walter"),
    ("strassenbilder.blogspot.com", "photo", "Straßenbilder", "Nils Berger"),
    ("harzwandern.de", "travel", "Harzwandern", "Ilse Franke"),
    ("gruener-daumen-blog.de", "garten", "Grüner Daumen", "Monika Roth"),
    ("camping-mit-hund.de", "travel", "Camping mit Hund", "Rainer Voigt"),
    ("leipzig-fotografiert.de", "photo", "Leipzig fotografiert", "Tina Graf"),
    ("brotzeit-kocht.de", "food", "Brotzeit kocht", "Hans Eder"),
    ("herbstlaeufer.de", "running", "Herbstläufer", "Malte Pohl"),
    ("kinderbuch-tipps.de", "parenting", "Kinderbuch-Tipps", "Petra Sommer"),
]
OFFTOPIC += [
    ("brettspielabende.de", "travel", "Brettspielabende", "Lutz Decker"),
    ("wein-von-der-mosel.de", "food", "Wein von der Mosel", "Karin Lenz"),
    ("fahrrad-schrauber.de", "travel", "Fahrradschrauber", "Dirk Jung"),
    ("strickliesel-blog.de", "garten", "Strickliesel", "Gisela Born"),
    ("modellbahn-keller.de", "travel", "Modellbahn im Keller", "Werner Kurz"),
    ("pilzsammler-blog.de", "garten", "Pilzsammler", "Erika Vogt"),
    ("segeln-auf-der-schlei.de", "travel", "Segeln auf der Schlei", "Bernd Lüth"),
    ("vinyl-und-kaffee.de", "photo", "Vinyl und Kaffee", "Tobias Rehm"),
    ("balkongemuese.de", "garten", "Balkongemüse", "Sanne Pieper"),
    ("schrebergarten-chronik.de", "garten", "Schrebergarten-Chronik", "Horst Lemke"),
    ("filmabend-notizen.de", "photo", "Filmabend-Notizen", "Robert Sauer"),
    ("aquarium-alltag.de", "garten", "Aquarium-Alltag", "Heiko Brand"),
]
OFFTOPIC_EN = [
    ("weekendbaker.blog", "food", "The Weekend Baker", "Lucy Grant"),
    ("milesandmuddyshoes.com", "running", "Miles and Muddy Shoes", "Chris Dale"),
    ("slowkitchen-notes.com", "food", "Slow Kitchen Notes", "Anna Bell"),
    ("parkrun-diaries.blogspot.com", "running", "Parkrun Diaries", "Ian Ford"),
    ("thehomecook.substack.com", "food", "The Home Cook", "Ruth Sands"),
    ("ultra-ish.com", "running", "Ultra-ish", "Ben Carter"),
]
PORTFOLIOS = [
    (
        "grafik-hansen.de",
        "Grafikdesign Hansen",
        "Logos, Corporate Design und Geschäftsausstattung für kleine Unternehmen.",
    ),
    (
        "fotostudio-lichtblick.de",
        "Fotostudio Lichtblick",
        "Business-Porträts, Team-Fotos und Reportagen für Unternehmen.",
    ),
    (
        "uebersetzungen-klein.de",
        "Übersetzungsbüro Klein",
        "Fachübersetzungen Englisch, Französisch, Polnisch. Beglaubigte Urkunden.",
    ),
    ("webentwicklung-ost.de", "Webentwicklung Ost", "WordPress-Websites, Wartung und Hosting aus Dresden."),
    ("stb-reimann.de", "Steuerberatung Reimann", "Ihre Steuerkanzlei in Osnabrück: Jahresabschluss, Lohn, Beratung."),
    (
        "baeckerei-grotemeyer.de",
        "Bäckerei Grotemeyer",
        "Handwerksbäckerei seit 1921. Filialen, Öffnungszeiten, Sortiment.",
    ),
    ("coworking-hafenkante.de", "Coworking Hafenkante", "Flexible Arbeitsplätze, Meetingräume und Community in Kiel."),
    ("tischlerei-wendt.de", "Tischlerei Wendt", "Möbel nach Maß, Innenausbau und Treppen."),
    ("yoga-am-kanal.de", "Yoga am Kanal", "Kurse für Anfänger und Fortgeschrittene, auch online."),
    ("sprechercoach-berlin.de", "Sprechercoach Berlin", "Stimmtraining und Präsentationscoaching für Führungskräfte."),
]
VENDORS = [
    ("hubspot.com", "vendor", "HubSpot"),
    ("mailchimp.com", "vendor", "Mailchimp"),
    ("canva.com", "vendor", "Canva"),
    ("cleverreach.com", "vendor", "CleverReach"),
    ("brevo.com", "vendor", "Brevo"),
    ("staffbase.com", "vendor", "Staffbase"),
    ("personio.de", "vendor", "Personio"),
    ("notion.so", "vendor", "Notion"),
    ("semrush.com", "vendor", "Semrush"),
    ("asana.com", "vendor", "Asana"),
    ("amazon.de", "shop", "Amazon.de"),
    ("thalia.de", "shop", "Thalia"),
    ("spiegel.de", "news", "DER SPIEGEL"),
    ("handelsblatt.com", "news", "Handelsblatt"),
    ("t3n.de", "news", "t3n"),
    ("zeit.de", "news", "ZEIT ONLINE"),
    ("theguardian.com", "news", "The Guardian"),
    ("linkedin.com", "platform", "LinkedIn"),
    ("xing.com", "platform", "XING"),
    ("instagram.com", "platform", "Instagram"),
    ("youtube.com", "platform", "YouTube"),
    ("kununu.com", "platform", "kununu"),
    ("hootsuite.com", "vendor", "Hootsuite"),
    ("buffer.com", "vendor", "Buffer"),
    ("typeform.com", "vendor", "Typeform"),
    ("slack.com", "vendor", "Slack"),
    ("trello.com", "vendor", "Trello"),
    ("deepl.com", "vendor", "DeepL"),
    ("facebook.com", "platform", "Facebook"),
    ("miro.com", "vendor", "Miro"),
    ("sendinblue-alternative.de", "shop", "Newsletter-Tools im Vergleich"),
    ("wordpress.org", "platform", "WordPress.org"),
    ("ionos.de", "vendor", "IONOS"),
    ("x.com", "platform", "X"),
    ("faz.net", "news", "FAZ.NET"),
    ("content-marketing-forum.de", "event", "Content Marketing Forum 2027"),
    ("kommunikationskongress.de", "event", "Kommunikationskongress"),
]


def build_world(seed: int = 20261207) -> World:
    b = Builder(seed)
    rng = b.rng
    w = b.w

    # ---- seeds
    seeds = []
    for host, title, author, themes, roll, feed, tpl in SEEDS:
        s = b.site(
            host,
            "seed",
            "de",
            themes[0],
            title,
            author,
            tpl=tpl,
            feed=feed,
            roll_style=roll,
            date_style="time" if tpl == "wp" else "numeric",
        )
        if host == "interne-zeilen.de":
            s.pages.update(roll_path="/links/", roll_title="Links")
        b.posts(s, rng.randint(10, 11), TODAY - dt.timedelta(days=rng.randint(2, 6)), (8, 18), themes)
        seeds.append(s)
        w.seeds.append(s.url)

    # ---- partners, adjacent
    partners, adjacent = [], []
    for host, lang, theme, title, author, tpl, ds, feed in PARTNERS:
        kind = "agency" if host == "nordlicht-kommunikation.de" else "blog"
        s = b.site(
            host,
            "partner",
            lang,
            theme,
            title,
            author,
            tpl=tpl,
            date_style=ds,
            feed=feed,
            kind=kind,
            base="/blog/" if kind == "agency" else "/",
            roll_style=rng.choice(["widget", "none", "widget"]),
        )
        if s.kind == "agency":
            s.pages["feed_path"] = "/blog/feed/"
        alt = [theme, rng.choice(["content", "corpblog", "linkedin", "newsletter", "intern", "employer"])]
        b.posts(
            s,
            rng.randint(7, 12),
            TODAY - dt.timedelta(days=rng.randint(1, 20)),
            rng.choice([(5, 9), (9, 16), (12, 30)]),
            alt,
        )
        partners.append(s)
    for host, lang, theme, title, author, tpl, ds, feed in ADJACENT:
        base = "/blog/" if host in ("sendwerk.de", "inboxly.io") else "/"
        s = b.site(
            host,
            "adjacent",
            lang,
            theme,
            title,
            author,
            tpl=tpl,
            date_style=ds,
            feed=feed,
            base=base,
            kind="agency" if base == "/blog/" else "blog",
            roll_style=rng.choice(["widget", "none"]),
        )
        if base == "/blog/":
            s.pages["feed_path"] = "/blog/feed/"
            s.about = False
        b.posts(
            s,
            rng.randint(6, 10),
            TODAY - dt.timedelta(days=rng.randint(1, 25)),
            (6, 20),
            [theme, theme, rng.choice(["content", "marketing"])],
        )
        adjacent.append(s)
    moved = b.site("corporate-blogging-praxis.de", "", "de", "corpblog", "", "", moved_to="cb-praxis.de", kind="moved")

    # ---- lifestyle, offtopic, vendors
    lifestyle = []
    for host, lang, theme, title, author, tpl in LIFESTYLE:
        s = b.site(
            host,
            "lifestyle",
            lang,
            theme,
            title,
            author,
            tpl=tpl,
            feed="atom" if tpl == "blogger" else "rss",
            date_style="blogger" if tpl == "blogger" else "time",
            roll_style="widget",
        )
        b.posts(s, rng.randint(6, 10), TODAY - dt.timedelta(days=rng.randint(1, 15)), (4, 12))
        lifestyle.append(s)
    offtopic = []
    for host, theme, title, author in OFFTOPIC:
        tpl = "blogger" if "blogspot" in host else rng.choice(["wp", "plain"])
        s = b.site(
            host,
            "offtopic",
            "de",
            theme,
            title,
            author,
            tpl=tpl,
            feed="atom" if tpl == "blogger" else rng.choice(["rss", None]),
            date_style="blogger" if tpl == "blogger" else rng.choice(["time", "numeric"]),
            roll_style="none",
        )
        b.posts(s, rng.randint(4, 8), TODAY - dt.timedelta(days=rng.randint(3, 120)), (10, 40))
        offtopic.append(s)
    for host, theme, title, author in OFFTOPIC_EN:
        tpl = "blogger" if "blogspot" in host else "substack" if "substack" in host else rng.choice(["wp", "ghost"])
        s = b.site(
            host,
            "offtopic",
            "en",
            theme,
            title,
            author,
            tpl=tpl,
            feed="atom" if tpl == "blogger" else "rss",
            date_style={"blogger": "en_long", "substack": "substack"}.get(tpl, "time"),
            roll_style="none",
        )
        b.posts(s, rng.randint(4, 8), TODAY - dt.timedelta(days=rng.randint(3, 90)), (7, 30))
        offtopic.append(s)
    folios = []
    for host, title, text in PORTFOLIOS:
        s = b.site(
            host, "offtopic", "de", "marketing", title, title, tpl="builder", feed=None, roll_style="none", kind="folio"
        )
        s.pages["about_path"] = "/ueber-uns/"
        s.pages["intro"] = (
            f'<h1>{html.escape(title)}</h1><p>{text}</p><p><a href="/ueber-uns/">Über uns</a> · <a href="/impressum/">Impressum</a></p>'
        )
        folios.append(s)
    vendors = {}
    for host, label, name in VENDORS:
        s = b.site(
            host,
            label,
            "en" if host.endswith((".com", ".so")) and label != "news" or host == "theguardian.com" else "de",
            "marketing",
            name,
            name,
            tpl="builder",
            feed=None,
            kind=label if label != "event" else "vendor",
            roll_style="none",
            impressum=False,
            about=False,
        )
        vendors[host] = s

    # ---- dead blogs
    dead = []
    for host, theme, title, author, last in (
        ("pr-gedankenstrich.de", "corpblog", "PR-Gedankenstrich", "Uwe Seidel", dt.date(2021, 9, 14)),
        ("corporate-blog-watch.de", "content", "Corporate Blog Watch", "Nadine Hoffmann", dt.date(2022, 6, 2)),
    ):
        s = b.site(host, "dead", "de", theme, title, author, tpl="wp", feed="rss", roll_style="widget")
        b.posts(s, 9, last, (14, 40), [theme, "content"])
        dead.append(s)

    # ---- machine blogs
    machines = []
    for host, lang, title in (
        ("contentstrategie-magazin.net", "de", "Contentstrategie Magazin"),
        ("b2b-insights-daily.com", "en", "B2B Insights Daily"),
        ("kommunikationsprofi.online", "de", "Kommunikationsprofi"),
    ):
        s = b.site(
            host,
            "machine",
            lang,
            "content",
            title,
            "admin" if "daily" not in host else "Redaktion",
            tpl="wp",
            feed="rss",
            impressum=False,
            about=False,
            roll_style="none",
        )
        themes = ["content", "corpblog", "linkedin", "newsletter", "intern", "employer"]
        b.posts(s, rng.randint(40, 55), TODAY - dt.timedelta(days=1), (1, 1), themes, per_day=rng.choice([3, 4, 5]))
        machines.append(s)

    # ---- content farm, seller portal, copies
    farm = b.site(
        "content-tipps-liste.de",
        "farm",
        "de",
        "content",
        "Content Tipps Liste",
        "",
        tpl="plain",
        feed="rss",
        impressum=False,
        about=False,
        roll_style="none",
        date_style="numeric",
    )
    d = TODAY - dt.timedelta(days=1)
    for i in range(30):
        th = rng.choice(["content", "linkedin", "newsletter", "corpblog", "employer", "intern"])
        n = rng.choice([5, 7, 9, 10, 12])
        title = (
            f"{n} {rng.choice(['Tipps', 'Ideen', 'Fehler', 'Tools', 'Gründe'])} für {rng.choice(['bessere', 'erfolgreiche', 'moderne'])} "
            + {
                "content": "Content-Strategie",
                "linkedin": "LinkedIn-Posts",
                "newsletter": "Newsletter",
                "corpblog": "Firmenblogs",
                "employer": "Arbeitgebermarke",
                "intern": "interne Kommunikation",
            }[th]
            + f" {TODAY.year}"
        )
        items = [f"{j + 1}. {rng.choice(DE[th]['tip'])}." for j in range(n)]
        slug = slugify(title) + f"-{i}"
        farm.posts.append(Post(title, slug, f"/{slug}/", d, ["Hier sind unsere Tipps im Überblick."] + items))
        if i % 2:
            d -= dt.timedelta(days=1)
    portal = b.site(
        "gastartikel-portal.de",
        "seller",
        "de",
        "seo",
        "Gastartikel-Portal",
        "Redaktion",
        tpl="wp",
        feed="rss",
        roll_style="none",
        about=False,
    )
    b.posts(portal, 16, TODAY - dt.timedelta(days=2), (1, 4), ["kredit", "casino", "garten", "seo", "content", "food"])
    portal.extra_links = [("/preise/", "Preisliste Gastbeiträge"), ("/gastbeitrag-buchen/", "Gastbeitrag buchen")]
    price = (
        "<h1>Preise für Gastbeiträge</h1><table><tr><td>Gastbeitrag ab 149 €, dofollow</td></tr><tr><td>Backlink-Paket "
        "Premium (3 Artikel, dofollow, dauerhaft): 399 €</td></tr><tr><td>Sponsored Post mit Social Share: 249 €</td></tr></table>"
        "<p>Alle Themen: Finanzen, Kredit, Casino, Garten, SEO, Marketing. Backlinks kaufen mit Veröffentlichung binnen 48 Stunden.</p>"
    )
    w.pages[(portal.host, "/preise/")] = (
        200,
        {"Content-Type": "text/html; charset=utf-8"},
        _frame(portal, "Preise", price).encode(),
    )
    w.pages[(portal.host, "/gastbeitrag-buchen/")] = (
        200,
        {"Content-Type": "text/html; charset=utf-8"},
        _frame(portal, "Buchen", "<h1>Gastbeitrag buchen</h1>" + price).encode(),
    )

    copies = []
    for host, title, tpl in (
        ("content-wissen24.de", "Content Wissen 24", "plain"),
        ("b2b-marketing-tipps.net", "B2B Marketing Tipps", "wp"),
        ("kommunikation-heute.info", "Kommunikation heute", "wp"),
    ):
        s = b.site(
            host,
            "copy",
            "de",
            "content",
            title,
            rng.choice(["Redaktion", "M. Schulz", "Team"]),
            tpl=tpl,
            feed="rss",
            roll_style="none",
            about=tpl == "wp",
            date_style="time" if tpl == "wp" else "numeric",
        )
        copies.append(s)
    originals = [
        p
        for s in seeds + [x for x in partners if x.lang == "de"]
        for p in s.posts
        if p.date < TODAY - dt.timedelta(days=25)
    ]
    rng.shuffle(originals)
    k = 0
    for s in copies:
        for _ in range(rng.randint(6, 8)):
            o = originals[k]
            k += 1
            paras = reword(rng, [p for p in o.paras if not p.startswith("## ")])
            title = o.title.replace("Warum", "Wieso").replace("Ihre", "Deine").replace("Ihr", "Dein")
            if title == o.title:
                title = title + ": Der große Überblick"
            slug = slugify(title)
            path = f"/{o.date.year}/{slug}/" if s.tpl == "wp" else f"/artikel/{slug}/"
            s.posts.append(
                Post(
                    title,
                    slug,
                    path,
                    min(TODAY - dt.timedelta(days=1), o.date + dt.timedelta(days=rng.randint(3, 20))),
                    [re_link(p) for p in paras],
                )
            )
        s.posts.sort(key=lambda p: p.date, reverse=True)

    # ---- aggregator
    agg = b.site(
        "planet-kommunikation.de",
        "aggregator",
        "de",
        "content",
        "Planet Kommunikation – Blogs über Unternehmenskommunikation",
        "Planet-Team",
        tpl="plain",
        feed="rss",
        roll_style="widget",
        date_style="time",
    )
    agg.pages["about_path"] = "/ueber/"
    sources = [p for p in partners if p.feed][:11]
    agg_src: list[tuple[Post, Post]] = []
    agg.blogroll = [(s.url, s.title) for s in sources]
    for src in sources:
        for o in src.posts[:3]:
            orig = f"http://{src.host}{o.path}"
            note = (
                f'<p class="planet-source"><em>Dieser Beitrag erschien zuerst auf <a href="{orig}">{html.escape(src.title)}</a>.</em></p>'
                if src.lang == "de"
                else f'<p class="planet-source"><em>Originally published on <a href="{orig}">{html.escape(src.title)}</a>.</em></p>'
            )
            path = f"/{src.host.split('.')[0]}/{o.slug}/"
            agg.posts.append(
                Post(o.title, o.slug, path, o.date, list(o.paras), canonical=orig, note_html=note, author=src.author)
            )
            agg_src.append((agg.posts[-1], o))
    agg.posts.sort(key=lambda p: p.date, reverse=True)

    # ---- link graph
    def u(s: Site) -> str:
        return s.url

    circle = [partners[i] for i in range(len(partners))]
    moved_url = f"http://{moved.host}/"
    roll_sets = {
        0: [
            seeds[1],
            seeds[2],
            seeds[3],
            partners[0],
            partners[3],
            partners[6],
            partners[9],
            partners[14],
            partners[16],
            adjacent[0],
            adjacent[4],
            lifestyle[0],
            dead[1],
        ],
        1: [
            seeds[0],
            seeds[3],
            partners[2],
            partners[5],
            partners[12],
            partners[13],
            partners[15],
            partners[19],
            partners[4],
            adjacent[1],
            adjacent[7],
            lifestyle[1],
            lifestyle[2],
            dead[0],
        ],
        2: [
            seeds[0],
            seeds[1],
            partners[7],
            partners[11],
            partners[18],
            partners[1],
            adjacent[2],
            adjacent[3],
            lifestyle[4],
            lifestyle[5],
            lifestyle[6],
        ],
        3: [
            seeds[0],
            seeds[1],
            seeds[2],
            partners[10],
            partners[20],
            partners[17],
            adjacent[5],
            adjacent[6],
            lifestyle[3],
            lifestyle[7],
            dead[1],
        ],
    }
    for i, s in enumerate(seeds):
        s.blogroll = [(u(x), x.title) for x in roll_sets[i]]
        if i in (0, 2):
            s.blogroll.append((moved_url, "Corporate Blogging in der Praxis"))
    s0 = seeds[0]
    s0.extra_links = [(u(agg), "Planet Kommunikation")]

    # posts of seeds: link peers, circle, vendors, news
    vend = list(vendors.values())
    for i, s in enumerate(seeds):
        mine = [x for x in roll_sets[i] if x.label in ("partner", "adjacent")]
        for j, p in enumerate(s.posts):
            peer = seeds[(i + 1 + j) % 4]
            if peer.posts:
                pp = rng.choice(peer.posts)
                b.link_in(s, p, f"http://{peer.host}{pp.path}", pp.title, peer.author)
            for x in rng.sample(circle, 2) + rng.sample(mine, 1):
                if x.posts and rng.random() < 0.6:
                    xp = rng.choice(x.posts)
                    b.link_in(s, p, f"http://{x.host}{xp.path}", xp.title, x.author)
                else:
                    b.link_in(s, p, u(x), x.title, x.author)
            for v in rng.sample(vend, 2):
                b.link_in(s, p, f"http://{v.host}/", v.title)
            if j == 3:
                b.link_in(s, p, moved_url.rstrip("/") + partners[8].posts[-1].path, "Heike Albers über den Relaunch")
            if j == 5 and i == 1:
                b.link_in(s, p, "http://nordlicht-kommunikation.de/blog/", "Nordlicht")
            if j == 7:
                b.link_in(s, p, u(farm), "solche Listen-Artikel")
    # comments on seeds
    agg_posts = agg.posts
    visitors = ["Tobias", "Melanie K.", "Jens", "Birte", "Andreas Weber", "Sina", "Rüdiger", "Conny"]
    for i, s in enumerate(seeds):
        for p in s.posts:
            for other in rng.sample([x for x in seeds if x is not s], 2):
                if rng.random() < 0.55:
                    b.comment(p, other.author, u(other), rng.choice(DE_COMMENTS), rng.randint(0, 3))
            for x in rng.sample(partners + adjacent, 2):
                if rng.random() < 0.5:
                    b.comment(
                        p, x.author, u(x), rng.choice(DE_COMMENTS if x.lang == "de" else EN_COMMENTS), rng.randint(0, 5)
                    )
            for m in machines:
                if rng.random() < 0.75:
                    b.comment(
                        p,
                        m.author if rng.random() < 0.5 else m.title,
                        u(m),
                        rng.choice(MACHINE_COMMENTS).format(
                            t=rng.choice(["Content Marketing", "Unternehmenskommunikation", "LinkedIn"])
                        ),
                        1,
                    )
            if rng.random() < 0.6:
                ap = rng.choice(agg_posts)
                b.comment(
                    p, rng.choice(visitors), f"http://{agg.host}{ap.path}", rng.choice(DE_COMMENTS), rng.randint(1, 6)
                )
            if rng.random() < 0.35:
                ls = rng.choice(lifestyle)
                b.comment(
                    p,
                    ls.author,
                    u(ls),
                    rng.choice(
                        [
                            "Liebe Grüße aus der Küche!",
                            "Schön geschrieben, wie immer.",
                            "Toll, dass du das so offen teilst.",
                        ]
                    ),
                    2,
                )
            if rng.random() < 0.2:
                b.comment(p, rng.choice(["Lisa", "Mark", "Anonym"]), None, rng.choice(DE_COMMENTS), 4)
        # pingbacks from copies and one seller comment
        c = copies[i % 3]
        if c.posts:
            cp = rng.choice(c.posts)
            b.comment(s.posts[2], f"{cp.title} | {c.title}", f"http://{c.host}{cp.path}", "[…] Weiterlesen […]", 8)
        if i == 1:
            b.comment(
                s.posts[4],
                "Gastartikel-Portal",
                u(portal),
                "Interessanter Beitrag! Gastbeiträge zu allen Themen bei uns, fair und schnell.",
                3,
            )
    # machine posts link seeds and each other / portal
    for m in machines:
        for j, p in enumerate(m.posts):
            x = seeds[j % 4]
            xp = rng.choice(x.posts)
            b.link_in(m, p, f"http://{x.host}{xp.path}", xp.title)
            if j % 5 == 0:
                b.link_in(m, p, u(portal), "Gastbeitrag veröffentlichen")
            if j % 7 == 0:
                b.link_in(m, p, u(rng.choice(machines)), "weitere Artikel")
    # partners: blogrolls, post links, comments
    pool = partners + adjacent
    for s in partners + adjacent:
        if s.roll_style != "none":
            friends = rng.sample([x for x in pool if x is not s], 5) + rng.sample(offtopic, 2) + [rng.choice(seeds)]
            s.blogroll = [(u(x), x.title) for x in friends]
        for p in s.posts:
            if rng.random() < 0.45:
                x = rng.choice(seeds)
                xp = rng.choice(x.posts)
                b.link_in(s, p, f"http://{x.host}{xp.path}", xp.title, x.author)
            if rng.random() < 0.4:
                x = rng.choice([y for y in pool if y is not s])
                b.link_in(s, p, u(x), x.title, x.author)
            if rng.random() < 0.35:
                v = rng.choice(vend)
                b.link_in(s, p, f"http://{v.host}/", v.title)
            if rng.random() < 0.35:
                x = rng.choice(pool + offtopic)
                b.comment(
                    p, x.author, u(x), rng.choice(DE_COMMENTS if s.lang == "de" else EN_COMMENTS), rng.randint(0, 6)
                )
            if rng.random() < 0.3:
                b.comment(p, rng.choice(visitors), None, rng.choice(DE_COMMENTS if s.lang == "de" else EN_COMMENTS), 2)
    for f in folios:
        x = rng.choice(partners + adjacent)
        if x.posts:
            b.comment(rng.choice(x.posts), f.title, u(f), rng.choice(DE_COMMENTS), 3)
    for f in folios[:4]:
        x = rng.choice(lifestyle)
        x.extra_links.append((u(f), f.title))
    # lifestyle and offtopic link each other
    for s in lifestyle:
        s.blogroll = [
            (u(x), x.title) for x in rng.sample(offtopic, 3) + rng.sample([y for y in lifestyle if y is not s], 2)
        ]
        for p in s.posts[:3]:
            v = rng.choice([vendors["instagram.com"], vendors["amazon.de"], vendors["youtube.com"]])
            b.link_in(s, p, f"http://{v.host}/", v.title)
    for s in offtopic:
        for p in s.posts[:2]:
            x = rng.choice(offtopic + lifestyle)
            if x is not s:
                b.link_in(s, p, u(x), x.title)
    for s in copies:
        for p in s.posts[:3]:
            b.link_in(s, p, u(farm), "Noch mehr Tipps")
    for p in farm.posts[:10]:
        b.link_in(farm, p, u(portal), "Gastbeitrag")
    for p in dead:
        for q in p.posts:
            if rng.random() < 0.4:
                x = rng.choice(partners)
                b.link_in(p, q, u(x), x.title)

    for ap, o in agg_src:
        ap.paras = list(o.paras)

    # ---- publish
    for s in folios:
        _legal_pages(b, s)
        w.pages[(s.host, "/")] = (
            200,
            {"Content-Type": "text/html; charset=utf-8"},
            _frame(s, s.title, s.pages["intro"]).encode(),
        )
    for s in seeds + partners + adjacent + lifestyle + offtopic + dead + machines + copies + [agg, portal, farm]:
        intro = ""
        if s.kind == "agency" and s.base == "/blog/":
            intro = f"<h1>{html.escape(s.title)}</h1>"
        _publish(b, s, intro)
        if s.base == "/blog/":
            svc = (
                (
                    "<h1>Wir machen B2B-Kommunikation, die gelesen wird</h1><p>Content-Strategie, Corporate Publishing und "
                    "Employer Branding für den Mittelstand. Seit 2009 in Hamburg.</p><ul><li>Content-Strategie</li><li>Corporate "
                    'Blogs</li><li>Interne Kommunikation</li></ul><p><a href="/blog/">Zum Blog</a> · <a href="/agentur/">Agentur</a>'
                    ' · <a href="/leistungen/">Leistungen</a></p>'
                )
                if s.lang == "de"
                else (
                    f"<h1>{html.escape(s.title.replace(' Blog', ''))} – email marketing for growing teams</h1><p>Send newsletters, "
                    'automate journeys, grow your list. Start free.</p><p><a href="/blog/">Blog</a> · <a href="/pricing/">Pricing</a></p>'
                )
            )
            if s.theme == "email" and s.lang == "de":
                svc = (
                    "<h1>Sendwerk – E-Mail-Marketing made in Germany</h1><p>DSGVO-konformer Newsletter-Versand, Automationen, "
                    'Vorlagen. Jetzt kostenlos testen.</p><p><a href="/blog/">Blog</a> · <a href="/preise/">Preise</a></p>'
                )
            hdr = {"Content-Type": "text/html; charset=utf-8"}
            w.pages[(s.host, "/")] = (
                200,
                hdr,
                _frame(s, s.title.replace(" – Blog", "").replace(" Blog", ""), svc).encode(),
            )
            for pth, t in (
                ("/agentur/", "Die Agentur"),
                ("/leistungen/", "Leistungen"),
                ("/preise/", "Preise"),
                ("/pricing/", "Pricing"),
            ):
                w.pages[(s.host, pth)] = (
                    200,
                    hdr,
                    _frame(s, t, f"<h1>{t}</h1><p>{paragraphs(rng, s.lang, [s.theme], 1)[0]}</p>").encode(),
                )
    for v in vendors.values():
        hdr = {"Content-Type": "text/html; charset=utf-8"}
        if v.kind == "news":
            heads = [
                "Konjunktur: Industrie meldet weniger Aufträge",
                "Streit um Haushalt geht weiter",
                "Bahn kündigt neuen Fahrplan an",
                "Wie Firmen um Fachkräfte werben",
                "KI verändert die Arbeit in Agenturen",
                "Wetter: Frost zum Wochenende",
            ]
            lis = "".join(
                f'<li><a href="/artikel/{slugify(h)}/">{h}</a> <time datetime="{TODAY.isoformat()}">{TODAY.strftime("%d.%m.%Y")}</time></li>'
                for h in heads
            )
            body = f"<h1>{v.title}</h1><p>Nachrichten, Hintergründe, Meinung.</p><ul>{lis}</ul>"
            for h in heads:
                w.pages[(v.host, f"/artikel/{slugify(h)}/")] = (
                    200,
                    hdr,
                    _frame(
                        v,
                        h,
                        f"<article><h1>{h}</h1><p>{TODAY.strftime('%d.%m.%Y')}</p>"
                        f"<p>{' '.join(sentence(rng, 'de', ['marketing', 'hr']) for _ in range(8))}</p></article>",
                    ).encode(),
                )
        elif v.kind == "platform":
            body = f"<h1>{v.title}</h1><p>Melden Sie sich an, um fortzufahren. Log in or sign up.</p><form><input name='email'><button>Sign in</button></form>"
        elif v.kind == "shop":
            body = f"<h1>{v.title}</h1><p>Bücher, Elektronik und mehr. Kostenloser Versand ab 29 €.</p><ul><li>Bestseller</li><li>Angebote</li><li>Warenkorb</li></ul>"
        elif v.label == "event":
            body = (
                f"<h1>{v.title}</h1><p>Zwei Tage Vorträge und Workshops zu Content Marketing, Corporate Publishing und "
                f"interner Kommunikation. 12.–13. Mai 2027, Hamburg. Jetzt Ticket sichern: Frühbucher 590 €.</p>"
            )
        else:
            body = (
                f"<h1>{v.title}</h1><p>The platform for teams who want to grow. Try it free for 14 days. Pricing, features, "
                f"integrations and customer stories.</p><ul><li><a href='/pricing/'>Pricing</a></li><li>Features</li><li>Enterprise</li></ul>"
            )
        w.pages[(v.host, "/")] = (200, hdr, _frame(v, v.title, body).encode())

    return w


def re_link(p: str) -> str:
    """Drop the anchors of a copied paragraph (copies carry the words, not the links)."""
    out, i = [], 0
    while True:
        a = p.find("<a ", i)
        if a < 0:
            out.append(p[i:])
            return "".join(out)
        out.append(p[i:a])
        gt = p.find(">", a)
        end = p.find("</a>", gt)
        out.append(p[gt + 1 : end])
        i = end + 4


if __name__ == "__main__":
    world = build_world()
    from collections import Counter

    print(len(world.truth), "sites,", len(world.pages), "pages;", Counter(world.truth.values()))
    print("seeds:", *world.seeds)
