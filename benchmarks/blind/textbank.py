"""Words and sentences of the blind-test blogosphere: German (and some English) blog prose by theme."""

from __future__ import annotations

import random
import re

MONTHS_DE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

FIRST = (
    "Anna Lena Julia Miriam Katrin Sabine Claudia Nina Lisa Sarah Jana Svenja Maren Franziska Ulrike Petra "
    "Tobias Jonas Daniel Felix Hannes Sven Moritz Lukas Florian Matthias Stefan Jan Kai Timo Marco Björn "
    "Ayşe Mehmet Elif Dimitri Olga Zoë Jürgen Jörg Günther Sönke"
).split()
LAST = (
    "Hartmann Voigt Schöller Weiß Petersen Brandt Rößler Kühn Wagner Becker Schulze Krämer Bäumer Ahlers "
    "Öztürk Lorenz Sommer Franke Böhm Jäger Schäfer Lehmann Möller Krüger Hofmann Vogel Roth Haas Graf "
    "Neumann Zimmermann Busch Kraus Thiel Jansen Brückner Mertens Friedrich Nowak Yılmaz Sauer"
).split()

STREETS = (
    "Hauptstraße", "Lindenallee", "Am Mühlbach", "Gartenweg", "Schillerstraße", "Bahnhofstraße",
    "Kastanienweg", "Goethestraße", "Hafenstraße", "Marktplatz", "Rosenstraße", "Uhlandstraße",
    "Königsallee", "Am Stadtpark", "Friedrichstraße", "Brückenstraße",
)  # fmt: skip
CITIES = (
    ("10115", "Berlin"), ("20457", "Hamburg"), ("80331", "München"), ("50667", "Köln"), ("04109", "Leipzig"),
    ("01067", "Dresden"), ("60311", "Frankfurt am Main"), ("70173", "Stuttgart"), ("24103", "Kiel"),
    ("28195", "Bremen"), ("48143", "Münster"), ("79098", "Freiburg im Breisgau"), ("90402", "Nürnberg"),
    ("30159", "Hannover"), ("44135", "Dortmund"), ("93047", "Regensburg"), ("18055", "Rostock"),
    ("99084", "Erfurt"), ("55116", "Mainz"), ("66111", "Saarbrücken"),
)  # fmt: skip

TERMS = {
    "content": [
        "Content Marketing",
        "Content-Strategie",
        "Redaktionsplan",
        "Storytelling",
        "Evergreen-Content",
        "Content-Audit",
        "Zielgruppenanalyse",
        "Personas",
        "Content-Distribution",
        "Themenrecherche",
        "Corporate Blog",
        "Whitepaper",
        "Content-Recycling",
        "Blogartikel",
        "Fachartikel",
        "Leadgenerierung",
        "Content-Hub",
        "Redaktionskonferenz",
        "Themencluster",
        "Content-Formate",
        "Gastbeiträge",
        "Redaktionsprozess",
        "Content-Briefing",
        "Case Studies",
    ],
    "seo": [
        "Suchmaschinenoptimierung",
        "SEO",
        "Keyword-Recherche",
        "Suchintention",
        "Backlinks",
        "interne Verlinkung",
        "Core Web Vitals",
        "Title-Tags",
        "Meta-Descriptions",
        "Featured Snippets",
        "Google Search Console",
        "Ladezeit",
        "strukturierte Daten",
        "Crawling",
        "Indexierung",
        "lokales SEO",
        "E-E-A-T",
        "Sichtbarkeit",
        "Rankingfaktoren",
        "SEO-Texte",
        "Long-Tail-Keywords",
        "Onpage-Optimierung",
        "KI-Übersichten in der Google-Suche",
    ],
    "social": [
        "Social Media Marketing",
        "Instagram-Reels",
        "LinkedIn-Posts",
        "Community Management",
        "Social-Media-Redaktionsplan",
        "Reichweite",
        "Engagement-Rate",
        "Influencer-Kooperationen",
        "TikTok",
        "Hashtags",
        "Social-Media-Strategie",
        "Employer Branding",
        "Story-Formate",
        "Social Listening",
        "Corporate Influencer",
        "der Algorithmus",
        "Karussell-Posts",
        "Social-Media-Monitoring",
        "Threads",
        "Kommentarkultur",
        "Social Selling",
    ],
    "pr": [
        "Pressearbeit",
        "Pressemitteilungen",
        "Medienarbeit",
        "Krisenkommunikation",
        "Journalistinnen und Journalisten",
        "Presseverteiler",
        "Unternehmenskommunikation",
        "interne Kommunikation",
        "Themensetzung",
        "Pressespiegel",
        "Newsroom",
        "Themenvorschläge für Redaktionen",
        "Medienresonanzanalyse",
        "Sprecherpositionierung",
    ],
    "ecom": [
        "Onlineshop",
        "Conversion-Rate",
        "Produktbeschreibungen",
        "Warenkorbabbrüche",
        "Marktplätze",
        "Retourenquote",
        "Shopify",
        "Produktbilder",
        "Checkout",
        "Kundenbewertungen",
        "Omnichannel",
        "D2C-Marken",
        "Versandkosten",
        "Warenwirtschaft",
        "Cross-Selling",
    ],
    "copy": [
        "Werbetexte",
        "Headlines",
        "Landingpages",
        "Call-to-Action",
        "Tonalität",
        "die AIDA-Formel",
        "Produkttexte",
        "Microcopy",
        "Betreffzeilen",
        "Claims",
        "Texterbriefings",
        "Lesefluss",
        "Textlänge",
        "Verkaufstexte",
        "Schreibblockaden",
    ],
    "om": [
        "Online-Marketing",
        "Google Ads",
        "Performance-Marketing",
        "E-Mail-Marketing",
        "Marketing-Automation",
        "KPIs",
        "Marketingbudget",
        "Tracking",
        "Retargeting",
        "Conversion-Tracking",
        "der Funnel",
        "Attributionsmodelle",
        "Newsletter-Marketing",
        "Consent-Management",
        "Leadscoring",
    ],
}

TERMS_EN = {
    "content": [
        "content marketing",
        "content strategy",
        "editorial calendar",
        "storytelling",
        "evergreen content",
        "content audits",
        "buyer personas",
        "content distribution",
        "topic research",
        "the company blog",
        "white papers",
        "repurposing",
        "long-form articles",
        "lead generation",
        "topic clusters",
        "content briefs",
        "case studies",
        "guest posts",
    ],
    "seo": [
        "SEO",
        "search engine optimization",
        "keyword research",
        "search intent",
        "backlinks",
        "internal linking",
        "Core Web Vitals",
        "title tags",
        "meta descriptions",
        "featured snippets",
        "Search Console",
        "page speed",
        "structured data",
        "crawl budget",
        "local SEO",
        "E-E-A-T",
        "organic visibility",
    ],
    "social": [
        "social media marketing",
        "Instagram Reels",
        "LinkedIn posts",
        "community management",
        "reach",
        "engagement rate",
        "influencer partnerships",
        "TikTok",
        "hashtags",
        "social media strategy",
        "employer branding",
        "social listening",
        "the algorithm",
        "carousel posts",
        "social selling",
    ],
    "om": [
        "online marketing",
        "Google Ads",
        "performance marketing",
        "email marketing",
        "marketing automation",
        "KPIs",
        "marketing budgets",
        "tracking",
        "retargeting",
        "the funnel",
        "attribution",
    ],
    "copy": [
        "copywriting",
        "headlines",
        "landing pages",
        "calls to action",
        "tone of voice",
        "the AIDA formula",
        "product copy",
        "microcopy",
        "subject lines",
        "sales pages",
    ],
}

GENERIC_DE = [
    "Wer {a} ernst nimmt, kommt an {b} nicht vorbei.",
    "In den letzten Monaten habe ich mit mehreren Kundinnen und Kunden an {a} gearbeitet, und immer wieder ging es dabei um {b}.",
    "Der häufigste Fehler: {a} wird als einmaliges Projekt verstanden und nicht als fortlaufender Prozess.",
    "Ein guter Startpunkt ist eine ehrliche Bestandsaufnahme: Was leistet {a} heute schon, und wo hakt es bei {b}?",
    "Dabei hilft es enorm, {a} und {b} nicht getrennt voneinander zu betrachten.",
    "Für kleine Teams empfehle ich, mit {n} festen Terminen pro Monat zu beginnen und erst dann zu erweitern.",
    "Die Zahlen sprechen für sich: Nach {n} Wochen hatte sich die Sichtbarkeit des Blogs spürbar verbessert.",
    "Natürlich gibt es keine Patentlösung – aber ein paar Grundregeln für {a} gelten fast immer.",
    "Mein Tipp: Schreib dir auf, welche Frage deine Zielgruppe wirklich hat, bevor du über {a} nachdenkst.",
    "Viele Unternehmen unterschätzen, wie viel Zeit {a} tatsächlich kostet.",
    "Spannend wird es immer dann, wenn {a} auf {b} trifft.",
    "Ich habe dazu eine kleine Checkliste erstellt, die du weiter unten findest.",
    "Gerade im B2B-Bereich zahlt sich {a} langfristig aus, auch wenn die ersten Ergebnisse auf sich warten lassen.",
    "Messbar wird {a} erst, wenn vorher klare Ziele definiert sind.",
    "Das klingt banal, ist in der Praxis aber oft der größte Hebel.",
    "Frag dich deshalb regelmäßig: Zahlt dieser Beitrag wirklich auf {b} ein?",
    "Über {a} wird viel geschrieben, doch selten wirklich konkret.",
    "Die Tools sind dabei zweitrangig; entscheidend ist der Workflow rund um {a}.",
    "Ein Beispiel aus meinem Alltag: Ein mittelständischer Maschinenbauer wollte über {a} neue Fachkräfte erreichen.",
    "Nach der Umstellung auf {b} hat sich der Aufwand im Team um etwa {n} Prozent reduziert.",
    "Ehrlich gesagt war ich lange skeptisch, was {a} angeht.",
    "Inzwischen sehe ich das differenzierter, vor allem seit ich {b} systematisch auswerte.",
    "Wichtig ist, dass alle Beteiligten verstehen, warum {a} überhaupt gemacht wird.",
    "Ohne Rückendeckung der Geschäftsführung bleibt {a} meist ein Nebenschauplatz.",
    "Ein Redaktionsteam aus {n} Personen kann erstaunlich viel bewegen, wenn die Rollen klar verteilt sind.",
    "Ich würde heute vieles anders machen als bei meinem ersten Projekt zu {a}.",
    "Am Ende zählt, ob die Leserinnen und Leser einen echten Mehrwert bekommen.",
    "Deshalb lohnt sich ein zweiter Blick auf {b}, bevor das Budget verteilt wird.",
    "Die gute Nachricht: Man muss nicht alles auf einmal umsetzen.",
    "Schritt für Schritt entsteht so ein System, das auch in stressigen Wochen trägt.",
    "In der Diskussion nach meinem Vortrag kam genau diese Frage zu {a} mehrfach auf.",
    "Kurz zusammengefasst: {a} braucht Geduld, klare Prioritäten und ehrliche Auswertungen.",
]

TOPIC_DE = {
    "content": [
        "Ein Redaktionsplan ist kein Selbstzweck, sondern ein Werkzeug, um Themen, Formate und Verantwortlichkeiten sichtbar zu machen.",
        "Gute Inhalte beantworten eine konkrete Frage besser als alle anderen Seiten zum Thema.",
        "Beim Content-Audit sortiere ich jeden Beitrag in eine von drei Kategorien: behalten, überarbeiten oder löschen.",
        "Storytelling funktioniert auch in trockenen Branchen, wenn echte Menschen und echte Probleme im Mittelpunkt stehen.",
        "Ein Themencluster bündelt einen ausführlichen Leitartikel mit mehreren vertiefenden Beiträgen.",
        "Content-Recycling spart Zeit: Aus einem Whitepaper entstehen leicht fünf Blogartikel und ein Newsletter.",
        "Personas helfen nur, wenn sie auf Gesprächen mit echten Kundinnen und Kunden beruhen.",
        "Die Distribution wird oft vergessen – dabei ist ein Artikel, den niemand findet, verschenkte Arbeit.",
        "Ein gutes Content-Briefing enthält Ziel, Zielgruppe, Kernbotschaft, Quellen und die gewünschte Tonalität.",
        "Für den Corporate Blog gilt: lieber zwei fundierte Beiträge im Monat als acht oberflächliche.",
    ],
    "seo": [
        "Die Suchintention entscheidet, ob eine Seite überhaupt eine Chance auf gute Rankings hat.",
        "In der Google Search Console sehe ich mir zuerst die Seiten mit vielen Impressionen und wenigen Klicks an.",
        "Interne Links sind der unterschätzte Hebel der Onpage-Optimierung.",
        "Ein sauberer Title-Tag ist immer noch eine der einfachsten Maßnahmen mit großer Wirkung.",
        "Backlinks bleiben wichtig, aber gekaufte Linkpakete schaden mehr, als sie nützen.",
        "Die Core Web Vitals sind selten der Grund für schlechte Rankings, aber oft ein Grund für schlechte Nutzererfahrung.",
        "Bei der Keyword-Recherche starte ich mit den Fragen aus dem Vertrieb und dem Kundenservice.",
        "Strukturierte Daten helfen Suchmaschinen, Inhalte richtig einzuordnen.",
        "Lokales SEO beginnt mit einem vollständigen und gepflegten Unternehmensprofil.",
        "Seit den KI-Übersichten in der Google-Suche verändern sich die Klickraten bei Informationsanfragen deutlich.",
    ],
    "social": [
        "Auf LinkedIn funktionieren persönliche Erfahrungsberichte meist besser als glatte Unternehmensmeldungen.",
        "Ein Social-Media-Redaktionsplan verhindert, dass nur noch spontan und hektisch gepostet wird.",
        "Community Management heißt vor allem: zuhören, antworten und Diskussionen moderieren.",
        "Reels bringen Reichweite, aber nicht automatisch die richtigen Follower.",
        "Die Engagement-Rate sagt mehr über die Qualität einer Community als die reine Followerzahl.",
        "Bei Influencer-Kooperationen prüfe ich zuerst, ob die Werte wirklich zur Marke passen.",
        "Social Listening zeigt, worüber die Zielgruppe spricht, wenn die Marke nicht im Raum ist.",
        "Corporate Influencer brauchen Freiraum, klare Leitlinien und Wertschätzung.",
        "Hashtags sind kein Allheilmittel; drei passende schlagen dreißig beliebige.",
        "Wer auf Kommentare nicht reagiert, verschenkt die Hälfte von Social Media Marketing.",
    ],
    "pr": [
        "Eine Pressemitteilung ohne Nachrichtenwert landet in jedem Postfach im Papierkorb.",
        "Journalistinnen und Journalisten schätzen kurze, präzise Themenvorschläge mit einem klaren Aufhänger.",
        "Krisenkommunikation beginnt lange vor der Krise, mit einem Plan und festen Zuständigkeiten.",
        "Ein gepflegter Presseverteiler ist mehr wert als jede gekaufte Adressliste.",
        "Der digitale Newsroom bündelt Pressemitteilungen, Bilder und Ansprechpartner an einem Ort.",
        "Interne Kommunikation ist die Grundlage dafür, dass externe Botschaften glaubwürdig wirken.",
    ],
    "ecom": [
        "Im Onlineshop entscheidet oft das erste Produktbild, ob jemand weiterklickt.",
        "Warenkorbabbrüche haben meistens banale Gründe: Versandkosten, fehlende Zahlungsarten, ein zu langer Checkout.",
        "Gute Produktbeschreibungen beantworten die Fragen, die sonst im Kundenservice landen.",
        "Kundenbewertungen sind für viele Shops der stärkste Vertrauensfaktor.",
        "Die Retourenquote sinkt, wenn Größenangaben und Materialbeschreibungen wirklich stimmen.",
        "Marktplätze bringen Reichweite, aber auch Abhängigkeit von fremden Regeln.",
    ],
    "copy": [
        "Eine gute Headline verspricht genau das, was der Text hält.",
        "Der Call-to-Action muss sagen, was nach dem Klick passiert.",
        "Microcopy entscheidet oft darüber, ob ein Formular abgeschickt wird oder nicht.",
        "Die AIDA-Formel ist ein Gerüst, kein Korsett.",
        "Tonalität ist mehr als Du oder Sie – sie zeigt Haltung.",
        "Lies deinen Text laut vor: Wo du stolperst, stolpern auch deine Leser.",
    ],
    "om": [
        "Google Ads lohnt sich nur, wenn die Landingpage hält, was die Anzeige verspricht.",
        "Ohne sauberes Conversion-Tracking ist jede Budgetentscheidung ein Blindflug.",
        "E-Mail-Marketing hat nach wie vor den besten Return on Invest vieler Kanäle.",
        "Marketing-Automation spart Zeit, wenn die Prozesse vorher durchdacht sind.",
        "Seit Consent-Bannern überall sind, fehlen in vielen Auswertungen ein Drittel der Daten.",
        "Retargeting nervt, wenn es schlecht gemacht ist, und hilft, wenn es dezent bleibt.",
    ],
}

GENERIC_EN = [
    "If you take {a} seriously, you cannot ignore {b}.",
    "Over the last months I worked with several clients on {a}, and the conversation kept coming back to {b}.",
    "The most common mistake: treating {a} as a one-off project instead of an ongoing process.",
    "A good starting point is an honest audit: what does {a} already deliver, and where does {b} fall short?",
    "It helps a lot not to look at {a} and {b} in isolation.",
    "For small teams I recommend starting with {n} fixed slots per month and expanding later.",
    "The numbers speak for themselves: after {n} weeks organic traffic had grown noticeably.",
    "There is no silver bullet, but a few ground rules for {a} almost always apply.",
    "My advice: write down the question your audience really has before you think about {a}.",
    "Many companies underestimate how much time {a} actually takes.",
    "Things get interesting when {a} meets {b}.",
    "I put together a short checklist, which you will find below.",
    "In B2B especially, {a} pays off in the long run, even if the first results take a while.",
    "{a} only becomes measurable once clear goals have been defined.",
    "It sounds trivial, but in practice it is often the biggest lever.",
    "Ask yourself regularly: does this piece actually support {b}?",
    "Tools are secondary; what matters is the workflow around {a}.",
    "A recent example: a mid-sized manufacturer wanted to reach new talent through {a}.",
    "Honestly, I was sceptical about {a} for a long time.",
    "In the end, what counts is whether readers get real value.",
]

LIFE_DE = {
    "food": (
        [
            "Sauerteigbrot",
            "Hefezopf",
            "Linsencurry",
            "Apfelkuchen",
            "Kürbissuppe",
            "Meal Prep",
            "Ofengemüse",
            "Zimtschnecken",
            "Gemüsebrühe",
            "Käsespätzle",
            "Wochenmarkt",
            "Rhabarberkompott",
        ],
        [
            "Heute gibt es bei uns {a}, ganz einfach und mit Zutaten, die man meistens im Haus hat.",
            "Das Rezept für {a} stammt noch von meiner Oma und wurde nur ein bisschen angepasst.",
            "Der Teig muss mindestens {n} Stunden ruhen, sonst wird er nicht schön luftig.",
            "Wer mag, kann statt Butter auch Rapsöl nehmen.",
            "Beim letzten Besuch auf dem Wochenmarkt habe ich frischen Rhabarber entdeckt.",
            "Dazu passt ein einfacher grüner Salat mit Zitronendressing.",
            "Die Küche duftet danach den ganzen Nachmittag herrlich.",
            "{a} lässt sich übrigens wunderbar einfrieren.",
            "Meine Kinder haben sofort nach einer zweiten Portion {b} gefragt.",
            "Im Backofen bei {n}0 Grad Umluft etwa eine halbe Stunde backen.",
        ],
    ),
    "travel": (
        [
            "Lissabon",
            "die Ostsee",
            "Südtirol",
            "Kopenhagen",
            "der Harz",
            "Rügen",
            "Porto",
            "die Sächsische Schweiz",
            "Wien",
            "der Bodensee",
            "Mallorca abseits der Strände",
            "Amsterdam",
        ],
        [
            "Unsere Reise nach {a} war schon lange geplant, und endlich hat es geklappt.",
            "Am ersten Tag sind wir einfach losgelaufen und haben uns treiben lassen.",
            "Das Wetter war wechselhaft, aber die Stimmung am Hafen großartig.",
            "Die Wanderung dauerte etwa {n} Stunden und war jede Minute wert.",
            "Unser Tipp für {a}: früh aufstehen und die ruhigen Morgenstunden genießen.",
            "Die Ferienwohnung lag mitten in der Altstadt, nur wenige Schritte vom Markt entfernt.",
            "Mit dem Zug kommt man erstaunlich entspannt nach {a}.",
            "Abends gab es Fisch direkt vom Kutter und ein kühles Getränk mit Blick aufs Wasser.",
            "Nächstes Jahr wollen wir unbedingt {b} besuchen.",
            "Für Familien mit Kindern ist {a} ideal, weil die Wege kurz sind.",
        ],
    ),
    "life": (
        [
            "Achtsamkeit",
            "Minimalismus",
            "Balkongarten",
            "Homeoffice-Routine",
            "Lieblingsbücher",
            "Laufen im Winter",
            "Wohnzimmer-Makeover",
            "Upcycling",
            "Digital Detox",
            "Morgenroutine",
            "Familienalltag",
            "Flohmarktfunde",
        ],
        [
            "In letzter Zeit beschäftige ich mich viel mit {a}.",
            "Es sind oft die kleinen Dinge, die den Alltag schöner machen.",
            "Mein Balkon ist in diesem Jahr zu einem kleinen Dschungel geworden.",
            "Seit {n} Wochen stehe ich eine halbe Stunde früher auf und merke den Unterschied.",
            "{a} klingt nach einem Trend, hat mir aber tatsächlich geholfen.",
            "Beim Ausmisten habe ich gemerkt, wie wenig ich wirklich brauche.",
            "Am Wochenende waren wir auf dem Flohmarkt und haben eine alte Kommode gefunden.",
            "Ein paar Bücher, die mich dieses Jahr begleitet haben, stelle ich euch unten vor.",
            "Schreibt mir gerne in die Kommentare, wie ihr das mit {b} handhabt.",
            "Ich bin gespannt, wie sich das in den nächsten Monaten entwickelt.",
        ],
    ),
    "hobby": (
        ["Modelleisenbahn", "Aquaristik", "Schach", "Imkerei", "Oldtimer", "Stricken", "Astrofotografie", "Angeln"],
        [
            "Diesen Winter habe ich endlich Zeit für mein Projekt rund um {a} gefunden.",
            "Im Verein haben wir uns am Samstag zum Austausch getroffen.",
            "Die Ersatzteile kamen nach {n} Wochen Wartezeit endlich an.",
            "Wer mit {a} anfangen will, braucht vor allem Geduld.",
            "Auf den Fotos seht ihr den aktuellen Stand.",
            "Das nächste Treffen ist im Frühjahr geplant.",
            "Über Tipps zu {b} freue ich mich jederzeit.",
            "Es hat länger gedauert als gedacht, aber das Ergebnis kann sich sehen lassen.",
        ],
    ),
}

NEWS_DE = [
    "Die Bundesregierung hat am Mittwoch neue Pläne für die Entlastung von Unternehmen vorgestellt.",
    "Nach Angaben des Statistischen Bundesamts stiegen die Verbraucherpreise im November leicht an.",
    "Der Bundestag debattiert in dieser Woche über den Haushalt für das kommende Jahr.",
    "Wirtschaftsverbände kritisierten die Vorschläge als unzureichend.",
    "In mehreren Bundesländern kam es am Wochenende zu Schneefällen und Verkehrsbehinderungen.",
    "Die Europäische Kommission kündigte eine Prüfung der großen Plattformen an.",
    "Experten rechnen mit weiteren Verhandlungen bis ins Frühjahr.",
    "Der DAX schloss am Freitag mit einem leichten Plus.",
    "Die Digitalministerkonferenz beriet über den Ausbau der Glasfasernetze.",
    "Mehrere Start-ups meldeten neue Finanzierungsrunden im zweistelligen Millionenbereich.",
    "Laut einer Umfrage nutzen inzwischen zwei Drittel der Unternehmen generative KI im Marketing.",
    "Meta und Google passen erneut ihre Werberichtlinien für den europäischen Markt an.",
]

SYNONYMS = {
    "wichtig": "bedeutsam",
    "Unternehmen": "Firmen",
    "Zielgruppe": "Kundschaft",
    "Beitrag": "Artikel",
    "Beiträge": "Artikel",
    "Tipp": "Ratschlag",
    "Tipps": "Ratschläge",
    "einfach": "simpel",
    "schnell": "zügig",
    "Fehler": "Irrtum",
    "häufigste": "verbreitetste",
    "Prozess": "Ablauf",
    "Zeit": "Dauer",
    "groß": "enorm",
    "größte": "stärkste",
    "Hebel": "Faktor",
    "Kunden": "Auftraggeber",
    "Kundinnen": "Auftraggeberinnen",
    "Ergebnisse": "Resultate",
    "Ziele": "Zielsetzungen",
    "erstellt": "angefertigt",
    "Praxis": "Realität",
    "konkret": "handfest",
    "Team": "Mitarbeiterstab",
    "Inhalte": "Contents",
    "Leserinnen": "Besucherinnen",
    "Leser": "Besucher",
    "Mehrwert": "Nutzen",
    "Budget": "Etat",
    "Schritt": "Etappe",
    "System": "Gefüge",
    "ehrliche": "aufrichtige",
    "klar": "eindeutig",
    "klare": "eindeutige",
    "immer": "stets",
    "oft": "häufig",
    "meist": "überwiegend",
    "meistens": "größtenteils",
    "deutlich": "merklich",
    "lohnt": "rentiert",
    "Werkzeug": "Tool",
    "Frage": "Fragestellung",
    "Fragen": "Fragestellungen",
    "Beispiel": "Exempel",
    "wirklich": "tatsächlich",
    "entscheidend": "maßgeblich",
    "Aufwand": "Arbeitseinsatz",
    "gute": "hochwertige",
    "Gute": "Hochwertige",
    "guter": "hochwertiger",
    "Auswertungen": "Analysen",
    "sehe": "betrachte",
    "Monaten": "Mondzyklen",
    "Wochen": "Kalenderwochen",
    "Seiten": "Webseiten",
    "Artikel": "Beitrag",
    "Thema": "Themengebiet",
    "Themen": "Themengebiete",
    "Geduld": "Ausdauer",
    "Blog": "Weblog",
}


def stems_de(text: str) -> list[str]:
    return re.findall(r"[a-zäöüß]+", text.lower())


OPENERS_DE = [
    "",
    "",
    "",
    "",
    "Ehrlich gesagt: ",
    "Kurz gesagt: ",
    "Aus meiner Erfahrung: ",
    "Wichtig: ",
    "Übrigens: ",
    "Und ja: ",
    "Mein Eindruck: ",
    "Zur Einordnung: ",
    "Ganz praktisch: ",
    "Nebenbei bemerkt: ",
    "Klartext: ",
]
TAILS_DE = [
    "",
    "",
    "",
    "",
    ", zumindest in meinen Projekten",
    " – das zeigt jede Auswertung aufs Neue",
    ", auch wenn das viele nicht gern hören",
    " (das gilt übrigens auch für {b})",
    ", so jedenfalls meine Beobachtung",
    " – und zwar unabhängig von der Branche",
    ", gerade bei kleineren Budgets",
    " – nicht nur im Mittelstand",
    ", das haben mir auch Gespräche mit Kolleginnen bestätigt",
    " – Stand heute",
]
EXTRA_DE = [
    "Bei einem Workshop in {city} haben wir genau das durchgespielt, mit überraschendem Ergebnis für {a}.",
    "Als ich vor {n} Jahren mit {a} angefangen habe, gab es kaum deutschsprachige Literatur dazu.",
    "Mein Team diskutiert jeden Montag kurz, was bei {a} in der letzten Woche gut lief und was nicht.",
    "Die Kundin aus der Pflegebranche hat {b} inzwischen komplett in ihre Abläufe integriert.",
    "Was ich in keinem Lehrbuch gelesen habe: {a} scheitert selten an Ideen, sondern an Freigaben.",
    "Eine Tabelle mit drei Spalten – Thema, Ziel, Verantwortliche – reicht für den Anfang völlig.",
    "Ich messe {a} inzwischen nur noch an zwei Kennzahlen, alles andere lenkt ab.",
    "Beim Kaffee mit einer befreundeten Agenturinhaberin kamen wir auf {b} zu sprechen.",
    "Zwischen Anspruch und Alltag liegen bei {a} oft Welten.",
    "In {city} gibt es übrigens einen Stammtisch, bei dem regelmäßig über {a} gesprochen wird.",
    "Die Folien meines Vortrags zu {a} verlinke ich am Ende des Beitrags.",
    "Wer {b} nur delegiert, ohne selbst zu verstehen, worum es geht, wird enttäuscht.",
    "Für die Recherche zu {a} habe ich {n} Fachleute befragt.",
    "Mich hat erstaunt, wie schnell sich {b} auf die Anfragen im Kontaktformular ausgewirkt hat.",
    "Zugegeben, mein erster Versuch mit {a} war ein ziemlicher Reinfall.",
    "Die wichtigste Lektion: {a} braucht eine Person, die sich verantwortlich fühlt.",
    "Zwei Fragen stelle ich mir vor jeder Veröffentlichung: Wem hilft das, und warum jetzt?",
    "Ein Leser hat mir dazu eine lange E-Mail geschrieben, die ich hier sinngemäß zusammenfasse.",
    "Das Thema {a} begleitet mich seit meinem Volontariat.",
    "Ob {b} in zwei Jahren noch genauso funktioniert, weiß niemand.",
    "Wir haben das A/B-getestet: Die Variante mit {a} lag nach {n} Tagen klar vorn.",
    "Manchmal hilft es, {a} einfach eine Woche liegen zu lassen und dann mit frischem Blick draufzuschauen.",
    "Für Solo-Selbstständige sieht {a} natürlich anders aus als für Konzerne.",
    "Bei meinen Coachings taucht {b} fast in jeder zweiten Sitzung auf.",
]
CLAUSES_DE = [
    "{a} braucht Zeit",
    "{a} scheitert selten an Ideen",
    "{a} lebt von Wiederholung",
    "{a} ist kein Selbstzweck",
    "{a} wirkt erst nach Monaten",
    "die Zielgruppe merkt den Unterschied sofort",
    "das Budget reicht selten",
    "die Geschäftsführung will schnelle Zahlen",
    "{a} kostet mehr Zeit als gedacht",
    "kleine Teams unterschätzen {a}",
    "gute Beispiele sind rar",
    "ich teste {a} seit Jahren",
    "{a} hängt eng mit {b} zusammen",
    "mein Team plant {a} quartalsweise",
    "viele verwechseln {a} mit {b}",
    "{a} gehört in jede Planung",
    "Agenturen verkaufen {a} gern als Wundermittel",
    "die Auswertung zeigt ein anderes Bild",
    "{a} lässt sich gut messen",
    "{b} wird oft vergessen",
    "der Aufwand lohnt sich",
    "die Praxis sieht anders aus",
    "Leserinnen spüren den Unterschied",
    "{a} funktioniert auch im Mittelstand",
    "die Konkurrenz schläft nicht",
    "{a} ersetzt keine Strategie",
    "Tools helfen nur begrenzt",
    "das Ergebnis hat uns überrascht",
    "{a} braucht klare Zuständigkeiten",
    "wir haben {a} komplett neu aufgesetzt",
    "ich sehe {a} inzwischen gelassener",
    "Kundinnen fragen ständig nach {a}",
    "der Vertrieb profitiert direkt davon",
    "{a} bleibt ein Dauerthema",
    "die Zahlen geben uns recht",
    "die ersten Wochen waren zäh",
    "{b} rückt stärker in den Fokus",
    "kaum jemand spricht offen darüber",
    "{a} verändert sich gerade stark",
    "mir fehlt bei {a} oft der Mut zur Lücke",
    "{b} entscheidet am Ende",
    "das spart Nerven",
    "{a} profitiert von Routinen",
    "Fehler gehören dazu",
    "ich plane {a} inzwischen rückwärts",
    "{a} wächst mit den Aufgaben",
    "der Kalender füllt sich schneller als gedacht",
    "wir messen jetzt weniger, aber genauer",
    "{b} ist kein Hexenwerk",
    "die Freigabe dauert meist am längsten",
    "{a} ist Teamarbeit",
    "das Feedback war eindeutig",
    "{a} klingt einfacher, als es ist",
]
CONNECTORS_DE = [", aber ", ", und ", " – denn ", ", doch ", "; ", " – ", ", oder anders gesagt: "]
CITIES_SHORT = ["Hamburg", "Leipzig", "Köln", "München", "Bremen", "Freiburg", "Münster", "Dresden", "Kiel", "Nürnberg"]
DIALECTS = [
    {"Zielgruppe": "Leserschaft", "wirklich": "echt", "Unternehmen": "Betriebe"},
    {"Tipp": "Hinweis", "oft": "oftmals", "Beispiel": "Fallbeispiel"},
    {"Kunden": "Klienten", "Kundinnen": "Klientinnen", "groß": "riesig"},
    {"Beitrag": "Blogpost", "Beiträge": "Blogposts", "deshalb": "darum"},
    {"entscheidend": "zentral", "wichtig": "essenziell"},
    {"Team": "Redaktionsteam", "Zeit": "Kapazität"},
    {},
    {"natürlich": "selbstverständlich", "meist": "in der Regel"},
]


class Prose:
    """Sentences and paragraphs on a mix of themes, in German or English; each writer its own habits."""

    def __init__(self, rng: random.Random, topics: list[str], lang: str = "de", voice: str = ""):
        self.rng, self.topics, self.lang = rng, topics, lang
        v = random.Random(voice or " ".join(topics))
        bank = GENERIC_EN if lang == "en" else GENERIC_DE + EXTRA_DE
        self.templates = v.sample(bank, max(8, int(len(bank) * 0.45)))
        self.openers = v.sample(OPENERS_DE, 6)
        self.tails = v.sample(TAILS_DE, 6)
        self.dialect = v.choice(DIALECTS)
        self.city = v.choice(CITIES_SHORT)

    def term(self, topic: str | None = None) -> str:
        bank = TERMS_EN if self.lang == "en" else TERMS
        topic = topic or self.rng.choice(self.topics)
        return self.rng.choice(bank.get(topic) or bank["om"])

    def sentence(self, focus: tuple[str, str] | None = None) -> str:
        rng = self.rng
        topic = rng.choice(self.topics)
        a, b = focus if focus and rng.random() < 0.6 else (self.term(topic), self.term())
        roll = rng.random()
        if self.lang != "en" and topic in TOPIC_DE and roll < 0.12:
            tpl = rng.choice(TOPIC_DE[topic])
        elif self.lang != "en" and roll < 0.75:
            c1, c2 = rng.sample(CLAUSES_DE, 2)
            tpl = c1 + (rng.choice(CONNECTORS_DE) + c2 if rng.random() < 0.6 else "") + "."
            if "{b}" in tpl and "{a}" not in tpl and rng.random() < 0.5:
                tpl = tpl.replace("{b}", "{a}")
            b = self.term()
        else:
            tpl = rng.choice(self.templates)
        s = tpl.format(a=a, b=b, n=rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 20, 30]), city=self.city)
        if self.lang == "en":
            return s[0].upper() + s[1:]
        if self.dialect:
            s = " ".join(self.dialect.get(w, w) for w in s.split(" "))
        tail = rng.choice(self.tails).format(b=b)
        if tail and s.endswith("."):
            s = s[:-1] + tail + "."
        s = s[0].upper() + s[1:]
        opener = rng.choice(self.openers)
        if opener:
            s = opener + s
        return s

    def paragraphs(self, count: int, focus: tuple[str, str] | None = None) -> list[str]:
        return [" ".join(self.sentence(focus) for _ in range(self.rng.randint(3, 5))) for _ in range(count)]


TITLE_SUFFIX_DE = [
    "",
    "",
    "",
    ": Meine Erfahrungen",
    " – ein Praxisbericht",
    " (mit Checkliste)",
    ": 5 Learnings",
    " – Update {y}",
    ": Was ich anders machen würde",
    " für Einsteiger",
    " im Mittelstand",
    ": Ein ehrlicher Blick",
]
TITLE_SUFFIX_EN = ["", "", ": lessons learned", " (with checklist)", " – a practical guide", " in {y}"]


class LifeProse:
    def __init__(self, rng: random.Random, kind: str):
        self.rng = rng
        self.terms, self.tpls = LIFE_DE[kind]

    def term(self, topic: str | None = None) -> str:
        return self.rng.choice(self.terms)

    def sentence(self, focus=None) -> str:
        a, b = focus or (self.term(), self.term())
        s = self.rng.choice(self.tpls).format(a=a, b=self.term(), n=self.rng.choice([2, 3, 4, 6, 18]))
        return s[0].upper() + s[1:]

    def paragraphs(self, count: int, focus=None) -> list[str]:
        return [" ".join(self.sentence(focus) for _ in range(self.rng.randint(3, 5))) for _ in range(count)]


TITLES_DE = {
    "content": [
        "Redaktionsplan {y}: So planst du Inhalte, ohne dich zu verzetteln",
        "Content-Audit in fünf Schritten",
        "Warum Storytelling im B2B funktioniert",
        "Evergreen-Content: Beiträge, die jahrelang Leser bringen",
        "Personas, die wirklich helfen",
        "Content-Recycling: Aus einem Whitepaper werden zehn Beiträge",
        "Der Corporate Blog ist nicht tot",
        "Themencluster statt Einzelartikel",
        "Content-Briefings, die Texter lieben",
        "Wie viel Content braucht ein Mittelständler?",
        "Distribution: Der vergessene Teil von Content Marketing",
        "Case Studies schreiben, die nicht langweilen",
        "Gastbeiträge: Chancen und Stolperfallen",
        "Mein Redaktionsprozess nach zehn Jahren Bloggen",
        "Content Marketing mit kleinem Budget",
    ],
    "seo": [
        "Suchintention verstehen: Der wichtigste SEO-Faktor",
        "Interne Verlinkung richtig aufbauen",
        "Google Search Console: 7 Berichte, die du kennen solltest",
        "Title-Tags, die geklickt werden",
        "Keyword-Recherche ohne teure Tools",
        "Lokales SEO für Handwerksbetriebe",
        "Was die KI-Übersichten für SEO bedeuten",
        "Core Web Vitals: Was wirklich zählt",
        "Strukturierte Daten für Blogs",
        "Warum gekaufte Backlinks schaden",
        "SEO-Texte, die Menschen lesen wollen",
        "Onpage-Optimierung für alte Blogartikel",
    ],
    "social": [
        "LinkedIn für Selbstständige: Mein Posting-Rhythmus",
        "Community Management ist Chefsache",
        "Reels oder Karussell? Was auf Instagram gerade funktioniert",
        "Social-Media-Redaktionsplan mit Vorlage",
        "Corporate Influencer aufbauen",
        "Social Listening für kleine Marken",
        "Engagement-Rate richtig berechnen",
        "Influencer-Kooperationen ohne Fremdscham",
        "TikTok für B2B – ernsthaft?",
        "Employer Branding auf Social Media",
        "Threads, Bluesky, Mastodon: Wohin mit der Community?",
        "Kommentare beantworten: Ein Leitfaden",
    ],
    "pr": [
        "Die perfekte Pressemitteilung gibt es nicht",
        "Krisenkommunikation: Der erste Tag",
        "Presseverteiler pflegen",
        "Themenvorschläge, die Journalisten lesen",
        "Der digitale Newsroom im Mittelstand",
        "Interne Kommunikation im Homeoffice",
    ],
    "ecom": [
        "Warenkorbabbrüche senken: 9 Ideen",
        "Produktbeschreibungen, die verkaufen",
        "Retouren reduzieren",
        "Shopify oder Shopware?",
        "Kundenbewertungen sammeln",
        "Marktplätze: Fluch oder Segen?",
    ],
    "copy": [
        "Headlines schreiben in 10 Minuten",
        "Der Call-to-Action, der wirkt",
        "Microcopy im Checkout",
        "Tonalität finden: Ein Workshop-Protokoll",
        "Betreffzeilen, die geöffnet werden",
        "Schreibblockaden lösen",
    ],
    "om": [
        "Google Ads für Einsteiger",
        "Conversion-Tracking nach dem Consent-Banner",
        "E-Mail-Marketing: Zurück zur Liste",
        "Marketing-Automation für kleine Teams",
        "KPIs, die niemand braucht",
        "Budgetplanung für das neue Jahr",
    ],
}
TITLES_EN = {
    "content": [
        "Editorial calendars that survive busy weeks",
        "A five-step content audit",
        "Why B2B storytelling works",
        "Evergreen content that keeps paying off",
        "Personas that actually help",
        "Repurposing one white paper into ten posts",
        "Content briefs writers love",
        "Topic clusters over one-off posts",
        "Distribution: the forgotten half of content marketing",
    ],
    "seo": [
        "Understanding search intent",
        "Internal linking that scales",
        "Search Console reports worth your time",
        "Keyword research without expensive tools",
        "What AI overviews mean for SEO",
        "Why bought backlinks hurt",
    ],
    "social": [
        "My LinkedIn posting rhythm",
        "Community management is leadership work",
        "Reels or carousels?",
        "Building corporate influencers",
        "Social listening for small brands",
        "Engagement rate, properly measured",
    ],
    "om": ["Google Ads for beginners", "Tracking after consent banners", "Email marketing: back to the list"],
    "copy": ["Headlines in ten minutes", "Calls to action that work", "Finding your tone of voice"],
}
LIFE_TITLES = {
    "food": [
        "Sauerteigbrot für Anfänger",
        "Omas Apfelkuchen",
        "Linsencurry in 30 Minuten",
        "Zimtschnecken wie in Schweden",
        "Kürbissuppe mit Ingwer",
        "Meal Prep für die Woche",
        "Rhabarberkompott",
        "Käsespätzle aus dem Ofen",
    ],
    "travel": [
        "Drei Tage Lissabon",
        "Herbst an der Ostsee",
        "Wandern in Südtirol",
        "Kopenhagen mit Kindern",
        "Porto im Frühling",
        "Unterwegs im Elbsandstein",
        "Ein Wochenende in Wien",
        "Radtour um den Bodensee",
    ],
    "life": [
        "Meine Morgenroutine",
        "Minimalismus im Familienalltag",
        "Balkongarten-Update",
        "Lieblingsbücher im Herbst",
        "Digital Detox – ein Selbstversuch",
        "Flohmarktfunde",
        "Wohnzimmer-Makeover",
        "Laufen im Winter",
    ],
    "hobby": [
        "Neues vom Projekt",
        "Vereinstreffen im Herbst",
        "Winterpause",
        "Ersatzteile endlich da",
        "Erste Schritte für Neulinge",
        "Rückblick auf die Saison",
        "Neue Fotos",
        "Werkstattbericht",
    ],
}
