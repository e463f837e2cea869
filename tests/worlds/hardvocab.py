"""Vocabulary of the topics only hard worlds use: online PR and e-commerce (German, English).

Each entry is shaped like a topic of `crawler/sandbox/vocab.json`, plus the `label` a hosted blog's title
shows; `crawler.sandbox.text.add_topics` makes them known.
"""

EXTRA_TOPICS = {
    "de": {
        "pr": {
            "label": "PR & Presse",
            "host_words": [["pr", "presse", "medien", "stimme"], ["buero", "notizen", "desk", "werk"]],
            "terms": [
                "Pressemitteilung",
                "Medienarbeit",
                "Journalisten",
                "Online-PR",
                "Krisenkommunikation",
                "Pressearbeit",
                "Themenplanung",
                "Reputation",
                "Pressespiegel",
                "Interviews",
                "Unternehmenskommunikation",
                "Redaktionen",
            ],
            "sentences": [
                "Eine gute Pressemitteilung beantwortet die W-Fragen im ersten Absatz.",
                "Journalisten wollen Geschichten, keine Werbetexte.",
                "In der Krisenkommunikation zählt jede Stunde.",
                "Online-PR lebt von Beziehungen zu Redaktionen und Bloggern.",
                "Der Pressespiegel zeigt, welche Themen wirklich ankommen.",
            ],
        },
        "ecommerce": {
            "label": "E-Commerce",
            "host_words": [["shop", "handel", "checkout", "warenkorb"], ["praxis", "wissen", "radar", "kompass"]],
            "terms": [
                "Onlineshop",
                "Warenkorbabbrecher",
                "Produktseiten",
                "Versandkosten",
                "Retouren",
                "Zahlungsarten",
                "Shopsysteme",
                "Marktplätze",
                "Sortiment",
                "Lagerhaltung",
                "Checkout",
                "Produktdaten",
            ],
            "sentences": [
                "Hohe Versandkosten sind der häufigste Grund für Warenkorbabbrecher.",
                "Gute Produktseiten brauchen echte Fotos und klare Maße.",
                "Retouren kosten mehr, als die meisten Händler denken.",
                "Auf Marktplätzen entscheidet der Preis, im eigenen Onlineshop die Marke.",
                "Ein schneller Checkout bringt mehr als jede Rabattaktion.",
            ],
        },
    },
    "en": {
        "pr": {
            "label": "PR notes",
            "host_words": [["pr", "press", "media", "voice"], ["office", "notes", "desk", "works"]],
            "terms": [
                "press releases",
                "media relations",
                "journalists",
                "online PR",
                "crisis communication",
                "press work",
                "story pitching",
                "reputation",
                "press coverage",
                "interviews",
                "corporate communication",
                "newsrooms",
            ],
            "sentences": [
                "A good press release answers the key questions in its first paragraph.",
                "Journalists want stories, not advertising copy.",
                "In crisis communication every hour counts.",
                "Online PR lives on relationships with newsrooms and bloggers.",
                "Press coverage shows which stories really land.",
            ],
        },
        "ecommerce": {
            "label": "E-commerce",
            "host_words": [["shop", "retail", "checkout", "cart"], ["notes", "lab", "digest", "works"]],
            "terms": [
                "online shop",
                "cart abandonment",
                "product pages",
                "shipping costs",
                "returns",
                "payment methods",
                "shop systems",
                "marketplaces",
                "product range",
                "inventory",
                "checkout",
                "product data",
            ],
            "sentences": [
                "High shipping costs are the most common reason for cart abandonment.",
                "Good product pages need real photos and clear dimensions.",
                "Returns cost more than most retailers think.",
                "On marketplaces price decides, in your own online shop the brand does.",
                "A fast checkout does more than any discount campaign.",
            ],
        },
    },
}
