"""The "Hofgenuss" blogosphere: sustainable food and regional tourism marketing, seen from a Vienna agency.

    from world_hofgenuss import build_world
    world = build_world(20261207)
    status, headers, body = world.response("krautundruebe-kommunikation.at", "/")

About 140 sites served on made-up hosts (Austrian and German blogs, about a fifth English): four seed
blogs on marketing for regional food producers, farm shops, Heuriger and wine tourism and destination
marketing; the blogs they read, the businesses they write about, and the usual noise of a small
corner of the web. Everything is derived from the seed, dates are relative to 2026-12-07.

``world.truth`` labels every site: ``partner`` (gain 2), ``adjacent`` (gain 1) and labels worth
nothing (``seed``, ``copy``, ``aggregator``, ``machine``, ``seller``, ``lifestyle``, ``shop``,
``booking``, ``news``, ``dead``, ``business``, ``offtopic``, ``platform``, ``moved``).
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from dataclasses import dataclass, field
from email.utils import format_datetime

TODAY = dt.date(2026, 12, 7)
TOPIC = (
    "Regionalmarketing, Direktvermarktung, Hofladen, Agrotourismus, Urlaub am Bauernhof, Destinationsmarketing, "
    "Weintourismus, Heuriger, regionale Lebensmittel, nachhaltiger Tourismus, food marketing, agritourism, "
    "destination marketing"
)

# ------------------------------------------------------------------------------------------------
# words
# ------------------------------------------------------------------------------------------------

ORTE = [
    "Wachau",
    "Weinviertel",
    "Mostviertel",
    "Waldviertel",
    "Südsteiermark",
    "Kamptal",
    "Thermenregion",
    "Buckligen Welt",
    "Mühlviertel",
    "Salzkammergut",
    "Mittelburgenland",
    "Lungau",
    "Innviertel",
    "Wienerwald",
    "Marchfeld",
    "Pielachtal",
    "Vulkanland",
    "Bregenzerwald",
    "Seewinkel",
    "Traisental",
    "Carnuntum",
    "Gesäuse",
]
PRODUKTE = [
    "Marillen",
    "Kürbiskernöl",
    "Mostbirnen",
    "Heumilchkäse",
    "Apfelsaft",
    "Bauernbrot",
    "Waldhonig",
    "Ziegenkäse",
    "Bio-Eier",
    "Speck",
    "Schafjoghurt",
    "Dinkelnudeln",
    "Erdäpfel",
    "Holundersirup",
    "Graumohn",
    "Wildfleisch",
    "Saiblinge",
    "Spargel",
    "Weingartenpfirsiche",
    "Hirschsalami",
    "Leinöl",
    "Most",
    "Uhudler",
    "Paradeiser",
    "Krautfleckerl-Sets",
]
KANAELE = [
    "Instagram",
    "der Newsletter",
    "die eigene Website",
    "Google Maps",
    "die Tafel vor dem Hoftor",
    "die Gemeindezeitung",
    "Facebook-Gruppen",
    "ein WhatsApp-Kanal",
    "Pinterest",
    "die Regionalzeitung",
]
SAISONEN = [
    "im Frühling",
    "zur Marillenblüte",
    "im Herbst",
    "zur Lesezeit",
    "im Advent",
    "im Hochsommer",
    "zur Spargelzeit",
    "rund um Ostern",
    "in der Nebensaison",
    "im Jänner",
]
FAMILIEN = [
    "Hofer",
    "Leitner",
    "Brandl",
    "Gruber",
    "Pichler",
    "Moser",
    "Wimmer",
    "Huber",
    "Eder",
    "Lechner",
    "Schwarz",
    "Aigner",
    "Bauer",
    "Haas",
    "Reiter",
    "Stadler",
    "Fuchs",
    "Mayrhofer",
    "Strasser",
    "Koller",
]
VORNAMEN_W = [
    "Anna",
    "Lena",
    "Theresa",
    "Magdalena",
    "Julia",
    "Katharina",
    "Sabine",
    "Eva",
    "Barbara",
    "Marlene",
    "Sophie",
    "Verena",
    "Claudia",
    "Johanna",
    "Elisabeth",
    "Miriam",
    "Petra",
    "Hannah",
]
VORNAMEN_M = [
    "Lukas",
    "Florian",
    "Markus",
    "Stefan",
    "Thomas",
    "Georg",
    "Michael",
    "Andreas",
    "Jakob",
    "Simon",
    "Martin",
    "Clemens",
    "Paul",
    "Bernhard",
    "Christoph",
    "Matthias",
]
EN_PLACES = [
    "the Wachau",
    "Lower Austria",
    "Styria",
    "the Tyrol",
    "Burgenland",
    "the Danube valley",
    "Vienna's vineyards",
    "the Salzkammergut",
    "Cornwall",
    "the Cotswolds",
    "County Cork",
    "the Scottish Borders",
    "Emilia-Romagna",
    "the Alsace",
    "South Tyrol",
    "the Douro valley",
]
EN_PRODUCTS = [
    "apricots",
    "pumpkin seed oil",
    "raw-milk cheese",
    "cider",
    "sourdough",
    "honey",
    "goat's cheese",
    "free-range eggs",
    "cured ham",
    "heritage apples",
    "elderflower cordial",
    "smoked trout",
    "asparagus",
    "rapeseed oil",
    "grass-fed beef",
    "oat milk",
    "wild garlic pesto",
]
EN_CHANNELS = [
    "Instagram",
    "the newsletter",
    "the farm website",
    "Google Maps",
    "a chalkboard by the gate",
    "local radio",
    "Facebook groups",
    "a WhatsApp channel",
    "Pinterest",
    "the regional paper",
]

DE_OPENERS = [
    "",
    "",
    "",
    "Ehrlich gesagt: ",
    "In der Praxis heißt das: ",
    "Kurz gesagt: ",
    "Was mir auffällt: ",
    "Aus unserer Erfahrung: ",
    "Das klingt banal: ",
    "Wichtig dabei: ",
    "Ein Beispiel aus der {ort}: ",
    "Unterm Strich: ",
    "Spannend finde ich das: ",
    "Seien wir ehrlich: ",
]
EN_OPENERS = [
    "",
    "",
    "",
    "Honestly, ",
    "In practice, ",
    "In short, ",
    "What strikes me is that ",
    "From experience, ",
    "It sounds obvious, but ",
    "A case in point from {place}: ",
    "Bottom line: ",
    "Here is the thing: ",
]

# sentence frames: {ort} {produkt} {kanal} {saison} {fam} {n} {m} {vn}
DE = {
    "food": [
        "Regionale Lebensmittel verkaufen sich nicht über den Preis, sondern über die Menschen, die {produkt} mit der Hand ernten.",
        "Wer {produkt} aus der {ort} vermarktet, sollte zuerst erklären, warum sie genau dort so gut schmecken.",
        "Bei Familie {fam} haben wir die Verpackung der {produkt} neu gedacht und dabei auf Plastik verzichtet.",
        "Ein gutes Etikett für {produkt} erzählt in drei Zeilen, woher das Produkt kommt und wer dahintersteht.",
        "Food Marketing für kleine Produzenten braucht keine Agenturbudgets, sondern Regelmäßigkeit und gute Fotos.",
        "Nachhaltigkeit ist für Käuferinnen regionaler Lebensmittel kein Zusatz mehr, sondern die Eintrittskarte.",
        "{kanal} bringt den Produzentinnen aus der {ort} inzwischen mehr Anfragen als jede bezahlte Anzeige.",
        "Die Direktvermarktung von {produkt} lebt davon, dass Kundinnen wissen, wann frische Ware kommt.",
        "Mit {n} Fotos vom Feld und einer ehrlichen Geschichte hat der Betrieb {saison} seinen Absatz fast verdoppelt.",
        "Regionalmarketing funktioniert dann, wenn mehrere Betriebe einer Gemeinde gemeinsam auftreten.",
        "Bio-Siegel helfen, aber sie ersetzen nicht das Gespräch über Tierhaltung, Fruchtfolge und Saisonalität.",
        "Viele Direktvermarkter unterschätzen, wie sehr ein klarer Lieferkalender für {produkt} Vertrauen schafft.",
        "Die Preisdiskussion verschwindet oft, sobald man zeigt, wie viele Arbeitsstunden in {produkt} stecken.",
    ],
    "hofladen": [
        "Ein Hofladen ist Verkaufsraum, Visitenkarte und Treffpunkt zugleich, und genau so sollte man ihn bewerben.",
        "Im Hofladen der Familie {fam} hängt seit {saison} eine Tafel, auf der steht, was heute frisch geerntet wurde.",
        "Selbstbedienungshofläden brauchen klare Öffnungszeiten auf Google Maps, sonst stehen Kunden vor leeren Regalen.",
        "Für Hofläden in der {ort} lohnt sich ein gemeinsamer Flyer mit Karte, der in Gasthäusern aufliegt.",
        "Wer {produkt} im Hofladen anbietet, sollte Verkostungen einplanen, denn probieren verkauft besser als jedes Schild.",
        "{kanal} ist für viele Hofladenbetreiberinnen der einfachste Weg, neue Ware anzukündigen.",
        "Ein Hofladen-Automat spart Personal, braucht aber Fotos und Geschichten, damit er nicht anonym wirkt.",
        "Die Regale im Hofladen erzählen mehr über den Betrieb als jede Broschüre, wenn sie gut beschriftet sind.",
        "Bei einem Kundenabend im Hofladen kamen {n} Leute, obwohl wir nur über {kanal} eingeladen hatten.",
        "Hofladen-Marketing heißt auch, Stammkundinnen beim Namen zu kennen und ihnen {produkt} zurückzulegen.",
        "Eine Kundenkarte aus Karton wirkt im Hofladen oft besser als jede App.",
    ],
    "wein": [
        "Ein Heuriger ist kein Restaurant, und seine Kommunikation sollte das nicht verstecken, sondern feiern.",
        "Der Ausgsteckt-Kalender ist für viele Heurigenbetriebe in der {ort} das wichtigste Marketinginstrument.",
        "Weintourismus beginnt nicht im Keller, sondern bei der Frage, wie Gäste vom Bahnhof in die Kellergasse kommen.",
        "Bei Weingut {fam} haben wir die Kellerführung {saison} in eine kleine Erzählung über den Boden verwandelt.",
        "Weinwanderungen mit Verkostung an drei Stationen bringen Gäste, die sonst nie ins Weingut gekommen wären.",
        "Heurigenwirte sollten ihre Buschenschank-Tage mindestens {n} Wochen im Voraus auf {kanal} ankündigen.",
        "Wer Grünen Veltliner verkauft, verkauft auch die Landschaft, die Terrassen und die Menschen dazu.",
        "Die Kellergasse als Bühne zu nutzen, war für die Winzer der {ort} die beste Idee der letzten Jahre.",
        "Eine Weinverkostung für Gäste ohne Vorwissen braucht andere Worte als eine Fachverkostung für Sommeliers.",
        "Sturm, Maroni und Heurigenjause: im Herbst verkauft sich der Weintourismus fast von allein, wenn man es ansagt.",
        "Ab-Hof-Verkauf von Wein funktioniert besser, wenn der Gast die Winzerin schon vom Heurigen kennt.",
    ],
    "destination": [
        "Destinationsmarketing muss heute mit Einheimischen sprechen, nicht nur über sie.",
        "Die {ort} braucht keine neue Kampagne, sondern ein Versprechen, das Gäste vor Ort auch erleben.",
        "Nachhaltiger Tourismus heißt auch, Besucherströme zu lenken, statt immer nur mehr Nächtigungen zu feiern.",
        "Ein Tourismusverband, der kulinarische Partnerbetriebe sichtbar macht, stärkt die ganze Region.",
        "Die Gästebefragung {saison} hat gezeigt, dass {n} Prozent wegen regionaler Küche anreisen.",
        "Storytelling in der Destination funktioniert nur, wenn die Geschichten von echten Gastgeberinnen kommen.",
        "Slow Travel ist für kleine Regionen wie die {ort} eine Chance, weil sie nichts verstecken müssen.",
        "Bei der Markenentwicklung für die {ort} haben wir zuerst die Wirtinnen und Bauern befragt.",
        "Anreise mit Bahn und Rad gehört in jede Angebotsbeschreibung, nicht in eine versteckte Fußnote.",
        "Destinationen, die ihre Nebensaison ehrlich bewerben, gewinnen treue Stammgäste.",
        "Eine Regionskarte mit Hofläden, Heurigen und Radwegen ist oft wirksamer als ein Imagefilm.",
    ],
    "agrotourismus": [
        "Urlaub am Bauernhof verkauft sich über Nähe: zum Stall, zu den Gastgebern und zum Alltag am Hof.",
        "Familie {fam} bietet {saison} Mitmachtage an, und die Buchungen kommen fast nur über {kanal}.",
        "Agrotourismus ist eine zweite Einkommensquelle, aber er braucht ein eigenes Marketingbudget.",
        "Gäste wollen die Kühe sehen, die Marmelade probieren und am Abend mit der Bäuerin reden.",
        "Ferienwohnungen am Hof sollten auf der eigenen Website direkt buchbar sein, nicht nur über große Portale.",
        "Ein Bauernhofurlaub in der {ort} wird dann empfohlen, wenn Kinder etwas selbst tun dürfen.",
        "Die Gästemappe am Hof ist ein unterschätztes Werkzeug, um {produkt} aus dem eigenen Anbau zu verkaufen.",
        "Bewertungen nach dem Aufenthalt sind für Bauernhöfe mit {n} Zimmern wichtiger als jede Anzeige.",
        "Schule am Bauernhof und Urlaub am Bauernhof lassen sich gemeinsam bewerben, wenn die Zielgruppen klar sind.",
        "Ein Frühstück mit {produkt} vom eigenen Hof ist das beste Verkaufsargument für den nächsten Besuch.",
    ],
    "branding": [
        "Eine Regionalmarke braucht Regeln, wer sie verwenden darf, sonst verwässert sie in zwei Jahren.",
        "Beim Logo für die Genussregion {ort} haben wir bewusst auf Trachtenklischees verzichtet.",
        "Markenbildung für kleine Produzenten beginnt mit einem Satz, den jeder am Hof auswendig sagen kann.",
        "Farben, Schrift und Bildsprache einer Regionalmarke müssen auch auf einem Holzschild funktionieren.",
        "Die Herkunftsangabe auf {produkt} ist kein Detail, sondern der Kern der Marke.",
        "Viele Regionalmarken scheitern daran, dass niemand die Partnerbetriebe regelmäßig besucht.",
        "Eine Dachmarke für {n} Betriebe funktioniert nur mit einer Person, die sich wirklich kümmert.",
        "Gutes Packaging für {produkt} kann regional aussehen, ohne altmodisch zu wirken.",
        "Die Marke eines Hofes ist die Summe aus Produkt, Gastfreundschaft und dem, was Nachbarn über ihn erzählen.",
        "Regionales Branding heißt auch, Nein zu sagen zu Produkten, die nicht zur Herkunft passen.",
    ],
    # adjacent
    "rezept": [
        "Für den Teig braucht ihr {n}00 Gramm Mehl, eine Prise Salz und etwas Geduld.",
        "Die {produkt} schneide ich in dünne Scheiben und brate sie kurz in Butter an.",
        "Dieses Rezept stammt von meiner Oma und schmeckt {saison} am allerbesten.",
        "Wer keinen Backofen mit Umluft hat, gibt einfach zehn Minuten mehr dazu.",
        "Dazu passt ein frischer Salat mit Kernöl und ein Glas Apfelsaft.",
        "Ich habe das Gericht heute zum dritten Mal gekocht und es wird immer besser.",
        "Die Knödel lassen sich gut vorbereiten und am nächsten Tag in der Pfanne rösten.",
        "Am Wochenende gab es bei uns Schweinsbraten mit Krautsalat und Serviettenknödeln.",
        "Statt Zucker nehme ich oft Honig, das gibt dem Kuchen eine schöne Note.",
        "Schreibt mir gern, wie euch das Rezept gelungen ist und welche Variante ihr ausprobiert habt.",
    ],
    "reise": [
        "Wir sind früh am Morgen losgefahren und waren noch vor den Tagesgästen am See.",
        "Die Wanderung dauerte gut {n} Stunden und führte über Almen und durch einen kühlen Wald.",
        "Unser Zimmer hatte einen Balkon mit Blick auf die Berge, das Frühstück war ausgezeichnet.",
        "Mit dem Zug ist die Anreise entspannt, vom Bahnhof fährt ein Bus direkt ins Tal.",
        "Am Abend haben wir in einem kleinen Gasthaus gegessen, das uns eine Einheimische empfohlen hatte.",
        "Der Rundweg ist auch für Kinder gut machbar, festes Schuhwerk solltet ihr trotzdem einpacken.",
        "Im Herbst ist die Gegend besonders schön, wenn sich die Wälder verfärben.",
        "Unser Tipp: ein Tag am Wasser und einer in den Bergen, so wird der Urlaub nie langweilig.",
        "Die Altstadt lässt sich gut zu Fuß erkunden, danach lohnt sich ein Kaffee am Hauptplatz.",
        "Wir haben unterwegs so viele Fotos gemacht, dass wir einen zweiten Beitrag planen.",
    ],
    "weinprobe": [
        "Im Glas zeigt sich der Wein hellgelb mit grünen Reflexen, in der Nase Apfel und weißer Pfeffer.",
        "Der Jahrgang ist etwas kühler ausgefallen, was den Weinen eine schöne Frische gibt.",
        "Am Gaumen ist der Riesling straff, mit feiner Säure und einem langen, mineralischen Abgang.",
        "Die Lagenweine aus dem Kamptal haben mich bei dieser Verkostung besonders überzeugt.",
        "Zum Essen würde ich den Zweigelt leicht gekühlt servieren, etwa bei sechzehn Grad.",
        "Insgesamt habe ich {n} Weine probiert, drei davon landen sicher in meinem Keller.",
        "Der Blaufränkisch braucht noch ein, zwei Jahre, dann wird er richtig gut.",
        "Schön, dass immer mehr Winzer auf Spontangärung und weniger Schwefel setzen.",
        "Die Preise liegen zwischen neun und zweiundzwanzig Euro ab Hof.",
    ],
    "marketing": [
        "Content Marketing ist kein Sprint, sondern braucht einen Redaktionsplan für mindestens sechs Monate.",
        "Die Öffnungsrate unseres Newsletters liegt bei {n} Prozent, seit wir die Betreffzeilen kürzer halten.",
        "Für kleine Unternehmen reicht oft ein Kanal, der richtig gepflegt wird, statt fünf halbherziger Profile.",
        "SEO beginnt mit der Frage, was eure Kundinnen wirklich suchen, nicht mit Keyword-Listen.",
        "Ein gutes Briefing spart mehr Zeit als jedes Projektmanagement-Tool.",
        "LinkedIn funktioniert für B2B-Firmen besser, wenn Mitarbeitende selbst posten.",
        "Die Conversion-Rate stieg, nachdem wir das Kontaktformular auf drei Felder gekürzt hatten.",
        "Social Media Marketing ohne klare Ziele produziert vor allem eines: Stress.",
        "Kennzahlen sind nur dann nützlich, wenn jemand daraus Entscheidungen ableitet.",
    ],
    "lifestyle": [
        "Heute gibt es ein paar Gedanken zu meinem Morgenritual und warum ich wieder früher aufstehe.",
        "Die Kinder waren das ganze Wochenende im Garten, und ich hatte endlich Zeit zum Lesen.",
        "Mein Lieblingsteil diese Saison ist ein grauer Strickpullover, den ich fast jeden Tag trage.",
        "Ich habe das Wohnzimmer umgestellt und ein altes Regal neu gestrichen.",
        "Nach dem Yoga fühle ich mich wacher als nach jedem Kaffee.",
        "Wir haben am Sonntag einen langen Spaziergang an der Donau gemacht.",
        "Diese Woche war chaotisch, deshalb gibt es heute nur eine kurze Liste mit schönen Dingen.",
        "Meine Laufrunde ist inzwischen {n} Kilometer lang, und ich bin ein bisschen stolz darauf.",
        "Der Flohmarkt am Samstag war ein voller Erfolg, ich habe zwei alte Vasen gefunden.",
    ],
    "offtopic": [
        "Das neue Objektiv ist schwer, aber die Schärfe bei Offenblende ist beeindruckend.",
        "Im Garten wachsen heuer so viele Zucchini, dass wir sie an die Nachbarn verschenken.",
        "Die neue Version der Software bringt endlich einen dunklen Modus und schnellere Suche.",
        "Beim Stricken der Socken habe ich die Ferse zweimal aufgetrennt, bis sie gepasst hat.",
        "Unser Verein hat am Samstag das Sommerfest gefeiert, mit über {n}0 Gästen.",
        "Ich habe das Fahrrad zerlegt, die Kette gereinigt und neue Bremsbeläge montiert.",
        "Das Buch hat mich bis zur letzten Seite gefesselt, obwohl der Anfang zäh war.",
        "Beim Spieleabend haben wir ein neues Brettspiel ausprobiert, das drei Stunden gedauert hat.",
    ],
    # zero-gain noise
    "kredit": [
        "Ein Kredit ohne Schufa kann in Notlagen helfen, sollte aber gut überlegt sein.",
        "Vergleichen Sie die Zinsen mehrerer Banken, bevor Sie einen Ratenkredit abschließen.",
        "Die Sofortauszahlung ist bei vielen Online-Krediten inzwischen Standard.",
        "Eine Umschuldung spart oft mehrere hundert Euro im Jahr.",
    ],
    "casino": [
        "Online Casinos mit Bonus ohne Einzahlung sind bei neuen Spielern sehr beliebt.",
        "Achten Sie auf eine gültige Lizenz, bevor Sie im Online Casino spielen.",
        "Die besten Slots bieten eine hohe Auszahlungsquote und spannende Freispiele.",
        "Live-Casino-Spiele bringen das Gefühl einer echten Spielbank ins Wohnzimmer.",
    ],
    "garten": [
        "Im Herbst ist die beste Zeit, um Blumenzwiebeln für das Frühjahr zu setzen.",
        "Ein Hochbeet aus Lärchenholz hält viele Jahre und ist rückenschonend.",
        "Rasen sollte vor dem Winter noch einmal gedüngt und kurz gemäht werden.",
        "Kompost verbessert den Boden und spart teuren Dünger aus dem Baumarkt.",
    ],
    "reisen_spam": [
        "Günstige Reisen findet man am besten mit einem Preisvergleich im Internet.",
        "Last-Minute-Angebote sind ideal für spontane Urlauber mit flexiblen Terminen.",
        "Ein Wellnesshotel in den Bergen ist perfekt für eine Auszeit vom Alltag.",
        "Städtereisen nach Wien, Prag oder Budapest sind das ganze Jahr beliebt.",
    ],
}

EN = {
    "food": [
        "Regional food does not sell on price; it sells on the people who pick the {produkt} by hand.",
        "If you market {produkt} from {place}, start by explaining why they taste so good right there.",
        "For the {fam} family we rethought the packaging of their {produkt} and dropped plastic altogether.",
        "A good label for {produkt} tells you in three lines where it comes from and who grew it.",
        "Food marketing for small producers needs consistency and honest photos more than an agency budget.",
        "For buyers of local food, sustainability is no longer a bonus but the price of entry.",
        "{kanal} now brings the producers in {place} more enquiries than any paid advert ever did.",
        "Direct sales of {produkt} depend on customers knowing exactly when fresh stock arrives.",
        "Seasonality is a story, and farm brands that tell it week by week build loyal customers.",
        "Price objections tend to disappear once you show how many hours of work go into {produkt}.",
    ],
    "hofladen": [
        "A farm shop is a store, a business card and a meeting place at once, and it should be marketed that way.",
        "Honesty-box farm stands need accurate opening hours on Google Maps or customers face empty shelves.",
        "The {fam} farm shop put up a chalkboard listing what was harvested that morning, and sales followed.",
        "Tastings sell {produkt} in a farm shop far better than any printed sign.",
        "A joint map of farm shops in {place}, left in pubs and cafés, is worth more than a glossy brochure.",
        "Farm shop marketing also means knowing regulars by name and putting {produkt} aside for them.",
    ],
    "wein": [
        "Wine tourism starts long before the cellar door, with the question of how visitors get there.",
        "A tasting for curious visitors needs different words than one for sommeliers.",
        "Vineyard walks with three tasting stops bring guests who would never book a formal tour.",
        "When you sell a wine, you are also selling the terraces, the river and the people behind it.",
        "The Viennese Heuriger is a model for wine tourism: simple food, house wine and a fixed calendar.",
        "Cellar door sales rise when guests already know the winemaker from an event.",
    ],
    "destination": [
        "Destination marketing has to talk with residents, not only about them.",
        "{place} does not need another campaign but a promise visitors can actually experience.",
        "Sustainable tourism also means steering visitor flows rather than celebrating ever more overnight stays.",
        "A tourism board that puts local food producers in the spotlight strengthens the whole region.",
        "Slow travel is a real chance for small regions, because they have nothing to hide.",
        "Storytelling in a destination only works when the stories come from real hosts.",
        "Arriving by train and bike belongs in every offer, not in a hidden footnote.",
        "Destinations that market their off-season honestly win loyal repeat guests.",
    ],
    "agrotourismus": [
        "Farm stays sell on closeness: to the animals, to the hosts and to everyday life on the farm.",
        "Agritourism is a second income, but it needs its own marketing budget and plan.",
        "Guests want to meet the cows, taste the jam and talk to the farmer in the evening.",
        "Holiday flats on a farm should be bookable on the farm's own website, not only on big portals.",
        "A breakfast with {produkt} from the farm is the best argument for the next visit.",
        "Reviews after the stay matter more to a farm with {n} rooms than any advert.",
    ],
    "branding": [
        "A regional brand needs rules about who may use it, or it will be diluted within two years.",
        "Branding for small producers starts with one sentence everyone on the farm can say by heart.",
        "Colours, type and imagery of a regional brand must work on a wooden sign as well as on a screen.",
        "The origin on a jar of {produkt} is not a detail; it is the core of the brand.",
        "An umbrella brand for {n} producers only works with one person who really takes care of it.",
        "Good packaging for {produkt} can look regional without looking old-fashioned.",
    ],
    "rezept": [
        "You will need {n}00 grams of flour, a pinch of salt and a little patience for the dough.",
        "I slice the {produkt} thinly and fry them briefly in butter.",
        "This recipe comes from my grandmother and tastes best on a cold evening.",
        "Serve it with a crisp salad and a glass of cider.",
        "I have cooked this dish three times now and it keeps getting better.",
        "Let me know in the comments how the recipe worked for you.",
    ],
    "reise": [
        "We set off early and reached the lake before the day trippers arrived.",
        "The hike took about {n} hours, over alpine pastures and through a cool forest.",
        "Our room had a balcony facing the mountains, and breakfast was excellent.",
        "The train journey is relaxed, and a bus runs from the station straight into the valley.",
        "In the evening we ate at a small inn a local had recommended.",
        "Our tip: one day by the water and one in the mountains, and the trip never gets boring.",
    ],
    "marketing": [
        "Content marketing is not a sprint; it needs an editorial plan for at least six months.",
        "Our newsletter open rate is {n} percent since we shortened the subject lines.",
        "For small businesses one well-kept channel beats five half-hearted profiles.",
        "SEO starts with what your customers actually search for, not with keyword lists.",
        "A good brief saves more time than any project management tool.",
        "Social media marketing without clear goals mostly produces stress.",
    ],
}

DE_TITLES = {
    "food": [
        "Wie {produkt} aus der {ort} ihre Käufer finden",
        "Etiketten, die verkaufen: {produkt} richtig präsentieren",
        "Food Marketing ohne Budget: {n} Ideen für Produzenten",
        "Warum regionale Lebensmittel Geschichten brauchen",
        "Direktvermarktung {saison}: was jetzt zu tun ist",
        "Nachhaltig verpacken: ein Praxisbericht",
        "Preise erklären statt rechtfertigen",
        "Gemeinsam stärker: Regionalmarketing in der {ort}",
    ],
    "hofladen": [
        "Der Hofladen als Bühne",
        "Selbstbedienung im Hofladen: {n} Fehler, die Kunden vertreiben",
        "Hofläden auf Google Maps sichtbar machen",
        "Verkostung im Hofladen: so geht's",
        "Ein Kundenabend im Hofladen",
        "Was die Tafel am Hoftor verkauft",
        "Hofladen-Automaten mit Gesicht",
    ],
    "wein": [
        "Ausg'steckt! Heurigenkommunikation im Jahreslauf",
        "Weintourismus in der {ort}: vom Bahnhof in die Kellergasse",
        "Kellerführungen, die man nicht vergisst",
        "Weinwandern mit Verkostung",
        "Sturmzeit: Heurigenmarketing im Herbst",
        "Ab-Hof-Verkauf beim Winzer stärken",
        "Die Kellergasse als Bühne",
    ],
    "destination": [
        "Destinationsmarketing mit Einheimischen",
        "Was die {ort} Gästen wirklich verspricht",
        "Besucherlenkung als Marketingaufgabe",
        "Kulinarik in der Destination sichtbar machen",
        "Slow Travel für kleine Regionen",
        "Nebensaison ehrlich bewerben",
        "Anreise ohne Auto kommunizieren",
    ],
    "agrotourismus": [
        "Urlaub am Bauernhof richtig vermarkten",
        "Mitmachtage am Hof: ein Erfahrungsbericht",
        "Direktbuchungen für Ferienhöfe",
        "Die Gästemappe als Verkaufsinstrument",
        "Bewertungen für kleine Ferienhöfe",
        "Agrotourismus als zweites Standbein",
    ],
    "branding": [
        "Regeln für eine Regionalmarke",
        "Ein Logo für die Genussregion {ort}",
        "Markenbildung am Bauernhof",
        "Herkunft als Markenkern",
        "Packaging für {produkt}",
        "Dachmarken, die funktionieren",
    ],
    "rezept": [
        "Omas {produkt}-Auflauf",
        "Schnelle Knödel für den Alltag",
        "Mein liebster Sonntagskuchen",
        "{produkt} aus dem Ofen",
        "Herbstsuppe mit Kernöl",
        "Brot backen für Anfänger",
    ],
    "reise": [
        "Drei Tage in der {ort}",
        "Wandern rund um den See",
        "Mit dem Zug in die Berge",
        "Unser Herbsturlaub",
        "Städtetrip mit Kindern",
        "Hüttenwanderung im Sommer",
    ],
    "weinprobe": [
        "Verkostungsnotizen: Veltliner aus dem Kamptal",
        "Blaufränkisch im Vergleich",
        "Neue Jahrgänge, erste Eindrücke",
        "Riesling aus der Wachau",
        "Zweigelt gekühlt?",
        "Naturwein: ein Selbstversuch",
    ],
    "marketing": [
        "Redaktionsplan in fünf Schritten",
        "Newsletter, die gelesen werden",
        "SEO für kleine Unternehmen",
        "LinkedIn für Mittelständler",
        "Kennzahlen ohne Zahlenfriedhof",
        "Briefings, die funktionieren",
    ],
    "lifestyle": [
        "Mein Morgenritual",
        "Schöne Dinge der Woche",
        "Wohnzimmer-Umstyling",
        "Herbstgarderobe",
        "Ein Sonntag an der Donau",
        "Flohmarktfunde",
    ],
    "offtopic": [
        "Neues Objektiv im Test",
        "Zucchinischwemme",
        "Socken stricken, Teil {n}",
        "Fahrrad-Frühjahrsputz",
        "Buchtipp des Monats",
        "Spieleabend",
    ],
    "kredit": ["Kredit ohne Schufa: was Sie wissen müssen", "Umschuldung leicht gemacht"],
    "casino": ["Die besten Online Casinos {n}", "Casino Bonus ohne Einzahlung"],
    "garten": ["Herbstarbeiten im Garten", "Hochbeet selbst bauen"],
    "reisen_spam": ["Günstig reisen: {n} Tipps", "Wellnessurlaub in Österreich"],
}
EN_TITLES = {
    "food": [
        "How {produkt} from {place} find their buyers",
        "Labels that sell",
        "Food marketing on a shoestring: {n} ideas",
        "Why local food needs stories",
        "Explaining prices instead of defending them",
        "Plastic-free packaging in practice",
    ],
    "hofladen": [
        "The farm shop as a stage",
        "{n} honesty-box mistakes",
        "Farm shops on Google Maps",
        "Tastings in the farm shop",
    ],
    "wein": [
        "Wine tourism beyond the cellar door",
        "Vineyard walks that sell",
        "What the Heuriger teaches wine tourism",
        "Cellar door sales in winter",
    ],
    "destination": [
        "Destination marketing with residents",
        "What {place} really promises",
        "Visitor management as marketing",
        "Putting food on the destination map",
        "Slow travel for small regions",
        "Selling the off-season honestly",
    ],
    "agrotourismus": [
        "Marketing farm stays",
        "Direct bookings for farm holidays",
        "Reviews for small farm stays",
        "Agritourism as a second income",
    ],
    "branding": [
        "Rules for a regional brand",
        "Origin as the core of the brand",
        "Packaging for {produkt}",
        "Umbrella brands that work",
    ],
    "rezept": ["Grandma's {produkt} bake", "Quick dumplings", "My favourite Sunday cake", "Autumn soup"],
    "reise": ["Three days in {place}", "Hiking around the lake", "By train to the mountains", "Our autumn trip"],
    "marketing": [
        "An editorial plan in five steps",
        "Newsletters people read",
        "SEO for small businesses",
        "Briefs that work",
    ],
}

DE_MONTHS = [
    "Jänner",
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
DE_MONTHS_DE = ["Januar"] + DE_MONTHS[1:]
DE_MON_ABBR = ["Jän.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."]
EN_MONTHS = [
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
DE_WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]

SYNONYMS = {
    # for reworded copies (German and English)
    "verkaufen": "vertreiben",
    "sich": "sich",
    "Menschen": "Leute",
    "sollte": "müsste",
    "zuerst": "als Erstes",
    "erklären": "darlegen",
    "genau": "gerade",
    "gut": "hervorragend",
    "neu": "ganz neu",
    "Geschichte": "Erzählung",
    "Produkt": "Erzeugnis",
    "Kundinnen": "Käuferinnen",
    "Kunden": "Kundschaft",
    "wichtigste": "bedeutendste",
    "Gäste": "Besucher",
    "Gästen": "Besuchern",
    "Region": "Gegend",
    "braucht": "benötigt",
    "brauchen": "benötigen",
    "funktioniert": "klappt",
    "zeigt": "verdeutlicht",
    "inzwischen": "mittlerweile",
    "oft": "häufig",
    "besser": "wirkungsvoller",
    "einfachste": "simpelste",
    "Betrieb": "Hof",
    "Betriebe": "Höfe",
    "schafft": "erzeugt",
    "wirklich": "tatsächlich",
    "heute": "heutzutage",
    "nur": "bloß",
    "immer": "stets",
    "Idee": "Einfall",
    "Beispiel": "Fall",
    "kleine": "kleinere",
    "Produzenten": "Erzeuger",
    "Produzentinnen": "Erzeugerinnen",
    "sells": "moves",
    "people": "folks",
    "needs": "requires",
    "better": "more effectively",
    "often": "frequently",
    "customers": "buyers",
    "guests": "visitors",
    "region": "area",
    "really": "truly",
    "small": "smaller",
    "start": "begin",
    "starts": "begins",
    "story": "narrative",
    "stories": "narratives",
    "shows": "demonstrates",
}


LOWER_EN = {
    "a",
    "an",
    "the",
    "for",
    "if",
    "when",
    "you",
    "your",
    "our",
    "we",
    "it",
    "this",
    "price",
    "good",
    "direct",
    "seasonality",
    "regional",
    "food",
    "guests",
    "farm",
    "wine",
    "destination",
    "destinations",
    "sustainable",
    "slow",
    "storytelling",
    "arriving",
    "holiday",
    "agritourism",
    "colours",
    "branding",
    "reviews",
    "tastings",
    "cellar",
    "vineyard",
    "honesty-box",
    "content",
    "social",
}


def _fill(rng: random.Random, s: str, lang: str, bias: dict | None = None) -> str:
    bias = bias or {}
    rep = {
        "ort": bias.get("ort") or rng.choice(ORTE),
        "produkt": rng.choice(bias.get("produkte") or (PRODUKTE if lang == "de" else EN_PRODUCTS)),
        "kanal": rng.choice(KANAELE if lang == "de" else EN_CHANNELS),
        "saison": rng.choice(SAISONEN),
        "fam": rng.choice(FAMILIEN),
        "n": str(rng.randint(3, 9)),
        "place": bias.get("place") or rng.choice(EN_PLACES),
    }
    out = re.sub(r"\{(\w+)\}", lambda m: rep.get(m.group(1), m.group(0)), s)
    return out[0].upper() + out[1:] if out else out


VARIANTS_DE = {
    "Kundinnen": ["Kunden", "Käuferinnen", "Stammkunden"],
    "Kunden": ["Kundinnen", "Käufer", "Leute"],
    "Betrieb": ["Hof", "Familienbetrieb"],
    "Betriebe": ["Höfe", "Familienbetriebe"],
    "Produzenten": ["Erzeuger", "Produzentinnen", "Hersteller"],
    "Gäste": ["Besucher", "Urlauber"],
    "Region": ["Gegend", "Landschaft"],
    "funktioniert": ["klappt", "wirkt"],
    "braucht": ["benötigt", "verlangt"],
    "zeigt": ["beweist", "macht klar"],
    "wichtigste": ["zentrale", "entscheidende"],
    "inzwischen": ["mittlerweile", "längst"],
    "oft": ["häufig", "meistens"],
    "Geschichte": ["Erzählung", "Story"],
    "Geschichten": ["Erzählungen", "Storys"],
    "gute": ["starke", "ehrliche"],
    "einfachste": ["direkteste", "schnellste"],
    "besser": ["mehr", "wirksamer"],
    "wirklich": ["tatsächlich", "echt"],
    "sollte": ["müsste", "soll"],
    "sollten": ["müssten", "sollen"],
    "Marketing": ["Vermarktung", "Marketing"],
    "bewerben": ["vermarkten", "anpreisen"],
    "zuerst": ["als Erstes", "vorab"],
    "erzählt": ["berichtet", "sagt"],
    "neue": ["frische", "andere"],
    "kleine": ["kleinere", "familiäre"],
    "Anzeige": ["Inserat", "Werbeeinschaltung"],
}
VARIANTS_EN = {
    "customers": ["buyers", "shoppers", "regulars"],
    "guests": ["visitors", "travellers"],
    "region": ["area", "valley"],
    "needs": ["requires", "wants"],
    "works": ["succeeds", "pays off"],
    "small": ["smaller", "family-run"],
    "story": ["narrative", "tale"],
    "stories": ["narratives", "tales"],
    "better": ["more", "more effectively"],
    "really": ["truly", "actually"],
    "good": ["strong", "honest"],
    "often": ["frequently", "usually"],
    "producers": ["growers", "makers"],
    "marketing": ["promotion", "marketing"],
    "start": ["begin", "kick off"],
    "starts": ["begins", "kicks off"],
}
PARTICLES_DE = [
    "eigentlich",
    "oft",
    "meist",
    "durchaus",
    "schlicht",
    "letztlich",
    "gerade",
    "tatsächlich",
    "nach wie vor",
    "im Grunde",
]
VERBS_DE = {
    "ist",
    "sind",
    "braucht",
    "brauchen",
    "sollte",
    "sollten",
    "funktioniert",
    "hat",
    "haben",
    "verkauft",
    "verkaufen",
    "lebt",
    "heißt",
    "kann",
    "muss",
    "bringt",
    "wirkt",
    "helfen",
    "gehört",
    "beginnt",
    "wollen",
    "lohnt",
    "verschwindet",
    "stärkt",
}
SUFFIX_DE = [
    ", zumindest in der {ort}",
    ", das sehen wir {saison} immer wieder",
    " – da sind wir uns mit vielen Betrieben einig",
    ", und das gilt nicht nur für {produkt}",
    ", wie ein Projekt mit Familie {fam} gezeigt hat",
    ", auch wenn es nach Arbeit klingt",
]
SUFFIX_EN = [
    ", at least in {place}",
    ", as we see every season",
    ", and not only for {produkt}",
    ", as a project with the {fam} family showed",
    ", even if it sounds like hard work",
]


def voice(rng: random.Random, lang: str) -> dict[str, str]:
    """A blog's own choice of words."""
    table = VARIANTS_DE if lang == "de" else VARIANTS_EN
    return {w: rng.choice([w] + alts) for w, alts in table.items()}


def _vary(rng: random.Random, s: str, lang: str, bias: dict) -> str:
    words = s.split(" ")
    v = bias.get("voice") or {}
    out = []
    for i, w in enumerate(words):
        core = w.rstrip(".,!?:;")
        tail = w[len(core) :]
        out.append(v.get(core, core) + tail)
        if lang == "de" and core in VERBS_DE and not tail and 0 < i < len(words) - 2 and rng.random() < 0.45:
            out.append(rng.choice(PARTICLES_DE))
    s = " ".join(out)
    if rng.random() < 0.3 and s.endswith("."):
        s = s[:-1] + _fill(rng, rng.choice(SUFFIX_DE if lang == "de" else SUFFIX_EN), lang, bias) + "."
    return s


def sentences(
    rng: random.Random, lang: str, topics: list[str], n: int, bias: dict | None = None, used: set | None = None
) -> list[str]:
    bias = bias or {}
    bank = DE if lang == "de" else EN
    openers = DE_OPENERS if lang == "de" else EN_OPENERS
    pool = [s for t in topics for s in bank.get(t, bank.get("marketing", []))]
    if used is not None:
        fresh = [s for s in pool if s not in used]
        pool = fresh if len(fresh) >= n else pool
    picks = rng.sample(pool, min(n, len(pool)))
    while len(picks) < n:
        picks.append(rng.choice(pool))
    out = []
    for s in picks:
        if used is not None:
            used.add(s)
        op = rng.choice(openers)
        s = _vary(rng, _fill(rng, s, lang, bias), lang, bias)
        if op:
            op = _fill(rng, op, lang, bias)
            first = s.split()[0]
            if lang == "en" and not op.endswith(": ") and first.lower() in LOWER_EN:
                s = s[0].lower() + s[1:]
            s = op + s
        out.append(s)
    return out


def paragraphs(rng: random.Random, lang: str, topics: list[str], n_par: int, bias: dict | None = None) -> list[str]:
    used: set[str] = set()
    return [" ".join(sentences(rng, lang, topics, rng.randint(3, 4), bias, used)) for _ in range(n_par)]


def title_for(rng: random.Random, lang: str, topic: str, bias: dict | None = None) -> str:
    bank = DE_TITLES if lang == "de" else EN_TITLES
    return _fill(rng, rng.choice(bank.get(topic) or bank["marketing"]), lang, bias)


def slugify(s: str) -> str:
    s = s.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("'", "")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:60]


# ------------------------------------------------------------------------------------------------
# model
# ------------------------------------------------------------------------------------------------


@dataclass
class Comment:
    name: str
    url: str | None
    when: dt.datetime
    text: str


@dataclass
class Post:
    title: str
    slug: str
    when: dt.datetime
    paras: list[str]
    author: str
    topic: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (anchor text, url) woven into the text
    comments: list[Comment] = field(default_factory=list)
    canonical: str | None = None
    note_html: str = ""  # attribution line etc.
    path: str = ""
    source: tuple[str, int] | None = None  # (host, index) of the post a copy or republication is made from


@dataclass
class Site:
    host: str
    label: str
    lang: str
    style: str  # wp, blogger, wix, medium, static, builder, plain, magazine, board, portal, shop, biz, platform
    title: str
    tagline: str = ""
    author: str = ""
    topics: list[str] = field(default_factory=list)
    feed: str | None = None  # rss, atom
    date_style: str = "time"
    base: str = ""  # blog below a path (Wix site, tourism board)
    posts: list[Post] = field(default_factory=list)
    blogroll: list[tuple[str, str]] = field(default_factory=list)
    blogroll_style: str = "none"
    friends: list[tuple[str, str]] = field(default_factory=list)  # second small list (Freunde)
    legal: str | None = "at"  # at, de, en, None
    about: bool = True
    address: tuple[str, str] = ("", "")
    email: str = ""
    company: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # path -> main html of further pages
    social: list[str] = field(default_factory=list)
    cookie: bool = True
    bias: dict = field(default_factory=dict)
    moved_from: str | None = None
    blogroll_title: str = "Lesenswert"
    extra_rows: list[tuple[str, str, str]] = field(default_factory=list)
    opml: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def extra_paths(self) -> dict[str, str]:
        de = self.lang == "de"
        slash = "" if self.style == "wix" else "/"
        p = {
            "about": ("/ueber-uns" if self.company else "/ueber-mich") if de else "/about",
            "contact": "/kontakt" if de else "/contact",
            "legal": "/impressum" if self.legal != "en" else "/legal-notice",
            "privacy": "/datenschutz" if de else "/privacy",
            "links": "/linktipps" if self.blogroll_title == "Linktipps" else "/lesenswert" if de else "/blogroll",
        }
        if self.style == "blogger":
            p = {k: f"/p{v}.html" for k, v in p.items()}
        else:
            p = {k: v + slash for k, v in p.items()}
        if self.feed == "atom":
            p["feed"] = "/feeds/posts/default" if self.style == "blogger" else "/atom.xml"
        else:
            p["feed"] = "/index.xml" if self.style == "static" else "/feed/"
        return p

    @property
    def alt_host(self) -> str:
        return self.host[4:] if self.host.startswith("www.") else "www." + self.host

    @property
    def key(self) -> str:
        return self.host.removeprefix("www.")

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}{path}"

    @property
    def home(self) -> str:
        return self.url(self.base + "/" if self.base else "/")


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def dt_at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def fmt_date(when: dt.datetime, style: str, lang: str) -> str:
    d = when.date()
    if style == "de_abbr":
        return f"am {d.day}. {DE_MON_ABBR[d.month - 1]} {d.year}"
    if style == "de_num":
        return d.strftime("%d.%m.%Y")
    if style == "en_text":
        return f"{EN_MONTHS[d.month - 1][:3]} {d.day}, {d.year}"
    if style == "blogger":
        return (
            f"{DE_WEEKDAYS[d.weekday()]}, {d.day}. {DE_MONTHS[d.month - 1]} {d.year}"
            if lang == "de"
            else f"{d.strftime('%A')}, {EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
        )
    if style == "relative":
        days = (TODAY - d).days
        if days == 0:
            return "heute"
        if days == 1:
            return "gestern"
        if days < 14:
            return f"vor {days} Tagen"
        if days < 60:
            return f"vor {days // 7} Wochen"
        return f"vor {days // 30} Monaten"
    if lang == "en":
        return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"
    return f"{d.day}. {DE_MONTHS[d.month - 1]} {d.year}"


def long_date(when: dt.datetime, lang: str) -> str:
    d = when.date()
    return (
        f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}" if lang == "en" else f"{d.day}. {DE_MONTHS[d.month - 1]} {d.year}"
    )


def date_html(site: Site, when: dt.datetime) -> str:
    text = fmt_date(when, site.date_style, site.lang)
    if site.date_style == "time":
        return f'<time class="entry-date published" datetime="{when.isoformat()}">{esc(text)}</time>'
    return f'<span class="date">{esc(text)}</span>'


def rfc822(when: dt.datetime) -> str:
    return format_datetime(when.astimezone(dt.UTC), usegmt=True)


# ------------------------------------------------------------------------------------------------
# rendering
# ------------------------------------------------------------------------------------------------


def weave(paras: list[str], links: list[tuple[str, str]], lang: str, rng: random.Random) -> list[str]:
    """Paragraph html with the links put in as short sentences of their own."""
    out = [esc(p) for p in paras]
    lead_de = [
        "Mehr dazu bei {a}.",
        "Ein schönes Beispiel ist {a}.",
        "Siehe auch {a}.",
        "Gut erklärt hat das {a}.",
        "Wir haben darüber auch mit {a} gesprochen.",
        "Empfehlenswert: {a}.",
        "Danke an {a} für den Hinweis.",
    ]
    lead_en = [
        "More on this at {a}.",
        "A fine example is {a}.",
        "See also {a}.",
        "{a} explains it well.",
        "We talked about this with {a}, too.",
        "Recommended: {a}.",
    ]
    for i, (text, url) in enumerate(links):
        a = f'<a href="{esc(url)}">{esc(text)}</a>'
        lead = rng.choice(lead_en if lang == "en" else lead_de).replace("{a}", a)
        j = (i * 2 + 1) % max(1, len(out))
        out[j] = out[j] + " " + lead
    return [f"<p>{p}</p>" for p in out]


COOKIE = {
    "de": '<div id="cookie-notice" class="cookie-banner" role="dialog"><p>Wir verwenden Cookies, um unsere Website '
    'zu verbessern. Mit „Alle akzeptieren“ stimmst du der Verwendung zu. <a href="{priv}">Datenschutz</a></p>'
    "<button>Alle akzeptieren</button> <button>Nur notwendige</button></div>",
    "en": '<div class="cookie-consent"><p>This site uses cookies to improve your experience. '
    '<a href="{priv}">Privacy policy</a></p><button>Accept</button> <button>Decline</button></div>',
}


def nav_pages(site: Site) -> list[tuple[str, str]]:
    b = site.base
    de = site.lang == "de"
    items = [("Start" if de else "Home", b + "/")]
    if site.about:
        items.append(
            ("Über uns" if de and site.company else "Über mich" if de else "About", b + site.extra_paths["about"])
        )
    if site.extra_rows:
        items.append(("Lesenswert" if de else "Blogroll", b + site.extra_paths["links"]))
    items.append(("Kontakt" if de else "Contact", b + site.extra_paths["contact"]))
    if site.legal:
        items.append(("Impressum" if site.legal != "en" else "Legal notice", b + site.extra_paths["legal"]))
    return items


def blogroll_html(site: Site) -> str:
    de = site.lang == "de"
    parts = []
    if site.blogroll and site.blogroll_style in ("sidebar", "widget"):
        lis = "".join(f'<li><a href="{esc(u)}">{esc(n)}</a></li>' for n, u in site.blogroll)
        parts.append(
            f'<section class="widget widget_links"><h2 class="widget-title">Blogroll</h2><ul class="xoxo blogroll">{lis}</ul></section>'
        )
    if site.blogroll_style == "opml":
        parts.append(
            f'<section class="widget"><h3>{"Was ich lese" if de else "What I read"}</h3><p>'
            f"{'Meine komplette Blogroll gibt es als' if de else 'My full blogroll as'} "
            f'<a href="{site.base}/blogroll.opml" type="text/x-opml">OPML-Datei</a> '
            f"{'zum Import in den Feedreader.' if de else 'for your feed reader.'}</p></section>"
        )
    if site.friends:
        lis = "".join(f'<li><a href="{esc(u)}" rel="friend">{esc(n)}</a></li>' for n, u in site.friends)
        parts.append(f'<section class="widget"><h3>{"Freunde" if de else "Friends"}</h3><ul>{lis}</ul></section>')
    return "".join(parts)


def footer_html(site: Site) -> str:
    de = site.lang == "de"
    year = TODAY.year
    links = []
    if site.legal:
        links.append(
            f'<a href="{site.base}{site.extra_paths["legal"]}">{"Impressum" if site.legal != "en" else "Legal notice"}</a>'
        )
    links.append(f'<a href="{site.base}{site.extra_paths["privacy"]}">{"Datenschutz" if de else "Privacy"}</a>')
    soc = " ".join(
        f'<a href="{esc(u)}" class="social">{esc(u.split("/")[2].split(".")[-2].title())}</a>' for u in site.social
    )
    roll = ""
    if site.blogroll_style == "footer" and site.blogroll:
        roll = (
            '<div class="footer-friends"><h4>Freunde &amp; Partner</h4><p>'
            + " · ".join(f'<a href="{esc(u)}">{esc(n)}</a>' for n, u in site.blogroll)
            + "</p></div>"
        )
    who = site.company or site.author or site.title
    return (
        f'<footer class="site-footer">{roll}<div class="footer-social">{soc}</div><p>© {year} {esc(who)} · '
        + " · ".join(links)
        + "</p></footer>"
    )


def sidebar_recent(site: Site, n: int = 5) -> str:
    de = site.lang == "de"
    lis = "".join(f'<li><a href="{p.path}">{esc(p.title)}</a></li>' for p in site.posts[:n])
    return f'<section class="widget widget_recent_entries"><h2>{"Neueste Beiträge" if de else "Recent posts"}</h2><ul>{lis}</ul></section>'


def page_html(site: Site, title: str, main: str, *, head: str = "", body_class: str = "") -> str:
    de = site.lang == "de"
    feed = ""
    if site.feed:
        typ = "application/atom+xml" if site.feed == "atom" else "application/rss+xml"
        feed = f'<link rel="alternate" type="{typ}" title="{esc(site.title)} Feed" href="{site.base}{site.extra_paths["feed"]}">'
    full_title = f"{title} – {site.title}" if title != site.title else site.title
    nav = "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in nav_pages(site))
    cookie = COOKIE[site.lang].replace("{priv}", site.base + site.extra_paths["privacy"]) if site.cookie else ""
    s = site.style
    if s == "blogger":
        side = blogroll_html(site).replace('class="widget', 'class="widget LinkList')
        return (
            f'<!DOCTYPE html><html lang="{site.lang}"><head><meta charset="utf-8"><title>{esc(full_title)}</title>{feed}{head}'
            f'<meta name="generator" content="Blogger"></head><body class="{body_class}"><div class="outer-wrapper">'
            f'<div class="header-outer"><h1 class="title"><a href="/">{esc(site.title)}</a></h1><p class="description">{esc(site.tagline)}</p></div>'
            f'<div class="tabs"><ul>{nav}</ul></div><div class="main-outer"><div class="main-inner">{main}</div></div>'
            f'<div class="sidebar-outer"><div class="widget Profile"><h2>Über mich</h2><p>{esc(site.author)}</p></div>{side}'
            f'{sidebar_recent(site)}</div>{footer_html(site)}<div class="blogger-attribution">Powered by Blogger</div></div>'
            f"{cookie}</body></html>"
        )
    if s == "wix":
        return (
            f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{esc(full_title)}</title>{head}'
            f'<meta name="generator" content="Wix.com Website Builder"></head><body><div id="SITE_CONTAINER"><div class="_1YAlC">'
            f'<div data-testid="header" class="_3Bxnq"><div class="_2YdZP"><span class="font_0">{esc(site.title)}</span></div>'
            f'<div data-testid="menu" class="_1mQWm">'
            + "".join(
                f'<div class="_2w8_s"><a data-testid="linkElement" href="{u}"><span>{esc(t)}</span></a></div>'
                for t, u in nav_pages(site)
            )
            + f'</div></div><div id="PAGES_CONTAINER"><div class="_1Q9if"><div class="_3kXZl">{main}</div></div></div>'
            f'<div data-testid="footer" class="_3tH7H"><div class="_1Fh7Y">{footer_html(site).replace("footer", "div")}</div></div></div></div>'
            f"{cookie}</body></html>"
        )
    if s == "medium":
        return (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(full_title)} | Medium</title>{head}</head>'
            f'<body><div id="root"><nav class="metabar"><a href="/">Medium</a> <a href="/m/signin">Sign in</a> <a href="/about">Our story</a></nav>'
            f'<main>{main}</main><footer><a href="/about">About</a> <a href="/policy">Terms</a> <a href="/privacy">Privacy</a> '
            f'<a href="/help">Help</a></footer></div></body></html>'
        )
    side = ""
    if s in ("wp", "magazine", "static", "builder", "board"):
        side = f'<aside id="secondary" class="widget-area">{sidebar_recent(site)}{blogroll_html(site)}</aside>'
    elif s == "plain":
        side = f'<div class="sidebar">{blogroll_html(site)}</div>'
    if s == "builder":
        return (
            f'<!DOCTYPE html><html lang="{site.lang}"><head><meta charset="utf-8"><title>{esc(full_title)}</title>{feed}{head}'
            f'<meta name="viewport" content="width=device-width"></head><body class="{body_class}"><div class="page-wrapper">'
            f'<div class="row top-bar"><div class="col logo"><a href="/">{esc(site.title)}</a></div><div class="col menu"><ul class="menu-list">{nav}</ul></div></div>'
            f'<div class="row content"><div class="col col-8"><div class="content-block">{main}</div></div><div class="col col-4">{side}</div></div>'
            f'<div class="row bottom">{footer_html(site).replace("<footer", "<div").replace("</footer>", "</div>")}</div></div>{cookie}</body></html>'
        )
    if s == "plain":
        return (
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{esc(full_title)}</title>{feed}{head}</head>'
            f'<body bgcolor="#fffdf5"><table width="900" align="center"><tr><td colspan="2"><h1>{esc(site.title)}</h1><i>{esc(site.tagline)}</i>'
            f"<br>{' | '.join(f'<a href={chr(34)}{u}{chr(34)}>{esc(t)}</a>' for t, u in nav_pages(site))}</td></tr>"
            f'<tr><td valign="top" width="650">{main}</td><td valign="top">{side}</td></tr><tr><td colspan="2">{footer_html(site)}</td></tr></table></body></html>'
        )
    cls = {"wp": "site wp-theme-kadence", "magazine": "site magazine-layout", "static": "hugo", "board": "board"}.get(
        s, s
    )
    return (
        f'<!DOCTYPE html><html lang="{site.lang}"><head><meta charset="utf-8"><title>{esc(full_title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">{feed}{head}</head>'
        f'<body class="{cls} {body_class}"><a class="skip-link" href="#main">{"Zum Inhalt springen" if de else "Skip to content"}</a>'
        f'<header id="masthead" class="site-header"><p class="site-title"><a href="{site.base}/" rel="home">{esc(site.title)}</a></p>'
        f'<p class="site-description">{esc(site.tagline)}</p><nav class="main-navigation"><ul>{nav}</ul></nav></header>'
        f'<div id="content" class="site-content"><main id="main" class="site-main">{main}</main>{side}</div>'
        f"{footer_html(site)}{cookie}</body></html>"
    )


def post_html(site: Site, post: Post, rng: random.Random) -> str:
    de = site.lang == "de"
    body = "".join(weave(post.paras, post.links, site.lang, rng))
    when = date_html(site, post.when)
    by = esc(post.author)
    if site.style == "medium":
        head = (
            f'<meta property="article:published_time" content="{post.when.isoformat()}">'
            f'<meta name="author" content="{by}">'
        )
        mins = max(2, sum(len(p.split()) for p in post.paras) // 200)
        main = (
            f'<article><h1>{esc(post.title)}</h1><div class="pw-author"><a href="{site.base}">{by}</a> · '
            f"<span>{mins} min read</span> · <span>{esc(fmt_date(post.when, 'en_text', 'en'))}</span></div>"
            f'<section>{body}</section><div class="pw-responses">{len(post.comments)} responses</div></article>'
        )
        return page_html(site, post.title, main, head=head)
    head = ""
    if post.canonical:
        head += f'<link rel="canonical" href="{esc(post.canonical)}">'
    else:
        head += f'<link rel="canonical" href="{esc(site.url(post.path))}">'
    if site.style in ("wp", "magazine", "board") and site.date_style == "time":
        head += f'<meta property="article:published_time" content="{post.when.isoformat()}"><meta name="author" content="{by}">'
    if site.style == "blogger":
        main = (
            f'<div class="date-outer"><h2 class="date-header"><span>{esc(fmt_date(post.when, "blogger", site.lang))}</span></h2>'
            f'<div class="post-outer"><div class="post hentry"><h3 class="post-title entry-title">{esc(post.title)}</h3>'
            f'<div class="post-body entry-content">{body}</div><div class="post-footer">Eingestellt von '
            f'<span class="fn">{by}</span> um <a class="timestamp-link" href="{post.path}"><abbr class="published" '
            f'title="{post.when.isoformat()}">{post.when.strftime("%H:%M")}</abbr></a></div></div></div></div>'
        )
    elif site.style == "wix":
        main = (
            f'<div data-hook="post-page"><div data-hook="post-header"><span data-hook="user-name">{by}</span>'
            f'<span class="_2Ux9j"> · </span><span data-hook="time-ago">{esc(fmt_date(post.when, site.date_style, "de"))}</span>'
            f'<span class="_2Ux9j"> · </span><span data-hook="time-to-read">{max(2, len(body) // 1400)} Min. Lesezeit</span></div>'
            f'<h1 data-hook="post-title" class="_1j-51"><span class="blog-post-title-font">{esc(post.title)}</span></h1>'
            f'<div data-hook="post-description" class="_3Y3-M"><div class="rich-content-viewer">{body}</div></div></div>'
        )
    else:
        meta = f'<div class="entry-meta">{"Von" if de else "By"} <span class="author vcard">{by}</span> · {when}</div>'
        if site.style == "plain":
            meta = f"<p><small>{when} &ndash; {by}</small></p>"
        foot = ""
        if site.date_style == "relative":
            foot = f'<p class="post-footer-date">Veröffentlicht am {esc(long_date(post.when, site.lang))} von {by}</p>'
        if site.label == "partner" and site.key == "landgenuss-pr.at":
            foot = (
                f'<p class="updated">Zuletzt aktualisiert: {esc(long_date(post.when + dt.timedelta(days=2), "de"))}</p>'
            )
        main = (
            f'<article class="post type-post hentry"><header class="entry-header"><h1 class="entry-title">{esc(post.title)}</h1>'
            f'{meta}</header>{post.note_html}<div class="entry-content">{body}</div>{foot}'
            f'<footer class="entry-footer"><span class="cat-links">{"Kategorie" if de else "Filed under"}: '
            f"{esc(post.topic.title() or 'Allgemein')}</span></footer></article>"
        )
    main += comments_html(site, post)
    return page_html(site, post.title, main, head=head, body_class="single single-post")


def comments_html(site: Site, post: Post) -> str:
    de = site.lang == "de"
    if not post.comments:
        if site.style in ("wp", "magazine", "static"):
            return f'<div id="comments"><h3>{"Schreibe einen Kommentar" if de else "Leave a reply"}</h3><p>{"Deine E-Mail-Adresse wird nicht veröffentlicht." if de else "Your email address will not be published."}</p></div>'
        return ""
    items = []
    for c in post.comments:
        who = (
            f'<a href="{esc(c.url)}" rel="external nofollow ugc" class="url">{esc(c.name)}</a>'
            if c.url
            else esc(c.name)
        )
        items.append(
            f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{who}</b> '
            f'<span class="says">{"sagt" if de else "says"}:</span> <time datetime="{c.when.isoformat()}">'
            f"{esc(fmt_date(c.when, 'de_num' if de else 'en_text', site.lang))}</time></footer>"
            f'<div class="comment-content"><p>{esc(c.text)}</p></div></article></li>'
        )
    n = len(post.comments)
    head = f"{n} {'Kommentare' if de else 'comments'}" if n != 1 else ("1 Kommentar" if de else "1 comment")
    return f'<div id="comments" class="comments-area"><h2 class="comments-title">{head}</h2><ol class="comment-list">{"".join(items)}</ol></div>'


def home_html(site: Site) -> str:
    de = site.lang == "de"
    items = []
    for p in site.posts[:10]:
        ex = esc(" ".join(p.paras[0].split()[:32])) + " …"
        more = "Weiterlesen" if de else "Read more"
        if site.style == "blogger":
            items.append(
                f'<div class="date-outer"><h2 class="date-header"><span>{esc(fmt_date(p.when, "blogger", site.lang))}</span></h2>'
                f'<div class="post-outer"><h3 class="post-title"><a href="{p.path}">{esc(p.title)}</a></h3>'
                f'<div class="post-body">{ex}</div><a class="jump-link" href="{p.path}">{more} »</a></div></div>'
            )
        elif site.style == "wix":
            items.append(
                f'<div data-hook="post-list-item" class="_2qOVv"><div data-hook="post-header"><span data-hook="user-name">'
                f'{esc(p.author)}</span> · <span data-hook="time-ago">{esc(fmt_date(p.when, site.date_style, "de"))}</span></div>'
                f'<a href="{p.path}" class="O16KGI"><h2 data-hook="post-title">{esc(p.title)}</h2></a>'
                f'<div data-hook="post-description">{ex}</div></div>'
            )
        elif site.style == "medium":
            items.append(
                f'<article><a href="{p.path}"><h2>{esc(p.title)}</h2></a><p>{ex}</p>'
                f"<span>{esc(fmt_date(p.when, 'en_text', 'en'))}</span></article>"
            )
        else:
            items.append(
                f'<article class="post-summary"><h2 class="entry-title"><a href="{p.path}">{esc(p.title)}</a></h2>'
                f'<div class="entry-meta">{date_html(site, p.when)}</div><p>{ex}</p>'
                f'<a class="more-link" href="{p.path}">{more}</a></article>'
            )
    intro = site.extra.get("_home_intro", "")
    if site.style == "medium":
        main = (
            f'<div class="author-header"><h1>{esc(site.author)}</h1><p>{esc(site.tagline)}</p><p>1.2K Followers</p></div>'
            + "".join(items)
        )
    else:
        h = f'<h1 class="page-title">{esc(site.title)}</h1>' if site.style not in ("blogger", "wix") else ""
        main = h + intro + "".join(items)
    return page_html(site, site.title, main, body_class="home blog")


def about_html(site: Site) -> str:
    de = site.lang == "de"
    text = site.extra.get("_about") or ""
    h = ("Über uns" if site.company else "Über mich") if de else "About"
    mail = (
        f'<p>{"Schreib mir" if de else "Write to me"}: <a href="mailto:{site.email}">{site.email}</a></p>'
        if site.email
        else ""
    )
    return page_html(site, h, f'<article class="page"><h1>{h}</h1>{text}{mail}</article>', body_class="page")


def legal_html(site: Site) -> str:
    street, city = site.address
    who = site.company or site.author
    if site.legal == "at":
        body = (
            f"<h1>Impressum</h1><h2>Offenlegung gemäß § 25 MedienG und Angaben gemäß § 5 ECG</h2>"
            f"<p><b>Medieninhaber und Herausgeber:</b><br>{esc(who)}<br>{esc(street)}<br>{esc(city)}<br>Österreich</p>"
            f'<p>E-Mail: <a href="mailto:{site.email}">{site.email}</a><br>Telefon: +43 {660 + len(who) % 30} {1000000 + len(site.host) * 37117}</p>'
            + (
                f"<p>UID-Nr.: ATU{10000000 + len(who) * 731}<br>Gewerbebehörde: Magistratisches Bezirksamt</p>"
                if site.company
                else ""
            )
            + f"<p><b>Grundlegende Richtung des Mediums:</b> {esc(site.extra.get('_richtung', 'Informationen rund um regionale Lebensmittel, Marketing und Tourismus.'))}</p>"
            f"<p>Haftung für Links: Für den Inhalt verlinkter Seiten sind ausschließlich deren Betreiber verantwortlich.</p>"
        )
    elif site.legal == "de":
        body = (
            f"<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>{esc(who)}<br>{esc(street)}<br>{esc(city)}<br>Deutschland</p>"
            f"<h3>Kontakt</h3><p>E-Mail: {site.email.replace('@', ' [at] ')}</p>"
            f"<h3>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h3><p>{esc(site.author or who)}, Anschrift wie oben</p>"
            f"<p>Die Europäische Kommission stellt eine Plattform zur Online-Streitbeilegung bereit. Wir sind nicht bereit, an "
            f"Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.</p>"
        )
    else:
        body = (
            f"<h1>Legal notice</h1><p>{esc(who)}<br>{esc(street)}<br>{esc(city)}</p><p>Email: {site.email}</p>"
            f"<p>Responsible for content: {esc(site.author or who)}</p>"
        )
    return page_html(
        site,
        "Impressum" if site.legal != "en" else "Legal notice",
        f'<article class="page">{body}</article>',
        body_class="page",
    )


def contact_html(site: Site) -> str:
    de = site.lang == "de"
    body = (
        f"<h1>{'Kontakt' if de else 'Contact'}</h1><p>{'Du hast eine Frage oder eine Idee für eine Zusammenarbeit? Schreib mir!' if de else 'Questions, ideas, collaborations? Get in touch.'}</p>"
        + (f'<p><a href="mailto:{site.email}">{site.email}</a></p>' if site.email else "")
        + f'<form class="wpcf7-form"><label>Name <input name="name"></label><label>{"Nachricht" if de else "Message"} <textarea name="msg"></textarea></label>'
        f"<button>{'Senden' if de else 'Send'}</button></form>"
    )
    return page_html(site, "Kontakt" if de else "Contact", f'<article class="page">{body}</article>', body_class="page")


def privacy_html(site: Site) -> str:
    de = site.lang == "de"
    body = (
        (
            "<h1>Datenschutzerklärung</h1><p>Der Schutz deiner persönlichen Daten ist uns ein besonderes Anliegen. Wir verarbeiten "
            "deine Daten ausschließlich auf Grundlage der gesetzlichen Bestimmungen (DSGVO, TKG 2021). Beim Besuch dieser Website "
            "werden Server-Logfiles gespeichert. Kommentare werden mit Name und E-Mail-Adresse gespeichert.</p>"
        )
        if de
        else (
            "<h1>Privacy policy</h1><p>We process personal data only as permitted by the GDPR. Server log files are kept for "
            "fourteen days. Comments are stored with name and email address.</p>"
        )
    )
    return page_html(
        site, "Datenschutz" if de else "Privacy", f'<article class="page">{body}</article>', body_class="page"
    )


def links_html(site: Site) -> str:
    de = site.lang == "de"
    if site.blogroll_title == "Linktipps":
        rows = "".join(
            f'<tr><td><a href="{esc(u)}">{esc(n)}</a></td><td>{esc(d)}</td></tr>' for n, u, d in site.extra_rows
        )
        body = (
            f"<h1>Linktipps</h1><p>Blogs und Seiten, die ich selbst regelmäßig lese – rund um Wein, Heurigen und Reisen.</p>"
            f'<table class="linktipps"><thead><tr><th>Blog</th><th>Worum es geht</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    else:
        items = "".join(f'<dt><a href="{esc(u)}">{esc(n)}</a></dt><dd>{esc(d)}</dd>' for n, u, d in site.extra_rows)
        body = (
            f"<h1>{'Lesenswert' if de else 'Blogroll'}</h1><p>{'Blogs, die wir gern lesen und empfehlen:' if de else 'Blogs we like:'}</p>"
            f'<dl class="blogroll">{items}</dl>'
        )
    return page_html(site, site.blogroll_title, f'<article class="page">{body}</article>', body_class="page")


def feed_xml(site: Site) -> str:
    posts = site.posts[:10]
    if site.feed == "atom":
        entries = "".join(
            f'<entry><id>{esc(site.url(p.path))}</id><title>{esc(p.title)}</title><link rel="alternate" href="{esc(site.url(p.path))}"/>'
            f"<published>{p.when.isoformat()}</published><updated>{p.when.isoformat()}</updated><author><name>{esc(p.author)}</name></author>"
            f"<summary>{esc(' '.join(p.paras[0].split()[:40]))}</summary></entry>"
            for p in posts
        )
        upd = posts[0].when.isoformat() if posts else dt_at(TODAY).isoformat()
        return (
            f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{esc(site.title)}</title>'
            f'<link href="{esc(site.home)}"/><updated>{upd}</updated><id>{esc(site.home)}</id>{entries}</feed>'
        )
    items = "".join(
        f"<item><title>{esc(p.title)}</title><link>{esc(site.url(p.path))}</link><guid>{esc(site.url(p.path))}</guid>"
        f"<pubDate>{rfc822(p.when)}</pubDate><dc:creator>{esc(p.author)}</dc:creator>"
        f"<description>{esc(' '.join(p.paras[0].split()[:40]))}</description></item>"
        for p in posts
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{esc(site.title)}</title><link>{esc(site.home)}</link><description>{esc(site.tagline)}</description>"
        f"<language>{site.lang}</language>{items}</channel></rss>"
    )


def opml_xml(site: Site) -> str:
    outl = "".join(
        f'<outline text="{esc(n)}" title="{esc(n)}" type="rss" xmlUrl="{esc(f)}" htmlUrl="{esc(u)}"/>'
        for n, u, f in site.opml
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Blogroll {esc(site.title)}</title>'
        f"<dateCreated>{rfc822(dt_at(TODAY - dt.timedelta(days=40)))}</dateCreated><ownerName>{esc(site.author)}</ownerName></head>"
        f'<body><outline text="Blogroll">{outl}</outline></body></opml>'
    )


# ------------------------------------------------------------------------------------------------
# the sites
# ------------------------------------------------------------------------------------------------

# host, label, lang, style, title, tagline, author, topics, feed, date_style, legal, (street, city), posts, newest, gap
BLOGS = [
    # seeds
    (
        "krautundruebe-kommunikation.at",
        "seed",
        "de",
        "wp",
        "Kraut & Rübe – Agenturblog",
        "Kommunikation für regionale Lebensmittelproduzenten",
        "Lena Hofbauer",
        ["food", "branding", "hofladen"],
        "rss",
        "time",
        "at",
        ("Margaretenstraße 71/4", "1050 Wien"),
        10,
        2,
        9,
    ),
    (
        "hofladen-werkstatt.at",
        "seed",
        "de",
        "static",
        "Hofladen-Werkstatt",
        "Marketing für Hofläden und Direktvermarkter",
        "Theresa Gruber-Wallner",
        ["hofladen", "food"],
        "rss",
        "time",
        "at",
        ("Wiener Straße 12", "3430 Tulln an der Donau"),
        10,
        4,
        11,
    ),
    (
        "ausgsteckt-blog.at",
        "seed",
        "de",
        "magazine",
        "Ausg'steckt!",
        "Heuriger, Kellergassen und Weintourismus",
        "Georg Rieder",
        ["wein", "destination"],
        "atom",
        "time",
        "at",
        ("Kamptalstraße 3", "3550 Langenlois"),
        10,
        6,
        10,
    ),
    (
        "destinationsdenken.at",
        "seed",
        "de",
        "plain",
        "Destinationsdenken",
        "Notizen zu Destinationsmarketing und nachhaltigem Tourismus",
        "Miriam Steinberger",
        ["destination", "agrotourismus", "branding"],
        None,
        "de_long",
        "at",
        ("Griesgasse 8", "8020 Graz"),
        10,
        3,
        12,
    ),
    # partners
    (
        "genussregion-blog.at",
        "partner",
        "de",
        "wp",
        "Genussregion-Blog",
        "Regionalmarketing aus der Wachau",
        "Sabine Pichler",
        ["food", "branding"],
        "rss",
        "time",
        "at",
        ("Obere Landstraße 5", "3500 Krems an der Donau"),
        9,
        5,
        13,
    ),
    (
        "hofladenliebe.blogspot.com",
        "partner",
        "de",
        "blogger",
        "Hofladenliebe",
        "Ein Blog über Hofläden im Mühlviertel und wie man sie bekannt macht",
        "Eva Moser",
        ["hofladen", "food"],
        "atom",
        "blogger",
        "at",
        ("Linzer Straße 22", "4240 Freistadt"),
        8,
        9,
        16,
    ),
    (
        "direktvermarkter-wissen.de",
        "partner",
        "de",
        "plain",
        "Direktvermarkter-Wissen",
        "Praxiswissen für Direktvermarktung und Hofladen",
        "Markus Reiter",
        ["food", "hofladen"],
        None,
        "de_abbr",
        "de",
        ("Am Salzstadel 4", "83022 Rosenheim"),
        7,
        11,
        15,
    ),
    (
        "urlaubamhof-praxis.at",
        "partner",
        "de",
        "builder",
        "Urlaub am Hof – Praxis",
        "Marketing für Ferienhöfe",
        "Johanna Eder",
        ["agrotourismus", "destination"],
        None,
        "de_num",
        "at",
        ("Bahnhofstraße 9", "5600 St. Johann im Pongau"),
        8,
        7,
        14,
    ),
    (
        "markenland-blog.de",
        "partner",
        "de",
        "static",
        "Markenland",
        "Regionalmarken entwickeln und pflegen",
        "Christoph Lechner",
        ["branding", "food"],
        "rss",
        "time",
        "de",
        ("Kaiser-Joseph-Straße 240", "79098 Freiburg im Breisgau"),
        9,
        3,
        12,
    ),
    (
        "kellergassen-kommunikation.at",
        "partner",
        "de",
        "wp",
        "Kellergassen-Kommunikation",
        "Weintourismus im Weinviertel erzählen",
        "Clemens Strasser",
        ["wein", "destination"],
        "rss",
        "time",
        "at",
        ("Kellergasse 14", "2170 Poysdorf"),
        9,
        8,
        12,
    ),
    (
        "hofmarke.at",
        "partner",
        "de",
        "wp",
        "Hofmarke",
        "Markenbildung für Bauernhöfe und Hofläden",
        "Barbara Haas",
        ["branding", "hofladen"],
        "rss",
        "time",
        "at",
        ("Stadtplatz 31", "4600 Wels"),
        8,
        12,
        15,
    ),
    (
        "regionalfoodbrands.com",
        "partner",
        "en",
        "static",
        "Regional Food Brands",
        "Marketing notes for small food producers",
        "Fiona Walsh",
        ["food", "branding"],
        "rss",
        "time",
        "en",
        ("12 Oliver Plunkett Street", "Cork, Ireland"),
        8,
        6,
        14,
    ),
    (
        "farmstaymarketing.co.uk",
        "partner",
        "en",
        "builder",
        "Farm Stay Marketing",
        "Helping farm holidays fill their rooms",
        "Tom Hargreaves",
        ["agrotourismus", "destination"],
        None,
        "en_text",
        "en",
        ("Higher Barton Farm", "Totnes, Devon TQ9 6AB"),
        7,
        10,
        18,
    ),
    (
        "lisamayr.wixsite.com",
        "partner",
        "de",
        "wix",
        "Hofblog vom Mayrhof",
        "Hofladen, Ferienzimmer und was wir dabei lernen",
        "Lisa Mayr",
        ["hofladen", "agrotourismus"],
        None,
        "de_abbr",
        "at",
        ("Rieggers 7", "3910 Zwettl"),
        7,
        13,
        17,
    ),
    (
        "medium.com",
        "partner",
        "en",
        "medium",
        "Katharina Bergmann",
        "Destination marketing, alpine tourism and the places in between",
        "Katharina Bergmann",
        ["destination", "branding"],
        None,
        "en_text",
        None,
        ("", ""),
        6,
        15,
        20,
    ),
    (
        "rebenland-tourismus.at",
        "partner",
        "de",
        "board",
        "Rebenland Tourismus",
        "Urlaub zwischen Weingärten und Kellergassen",
        "Team Rebenland",
        ["destination", "wein", "agrotourismus"],
        "rss",
        "time",
        "at",
        ("Hauptplatz 1", "2136 Laa an der Thaya"),
        9,
        4,
        10,
    ),
    (
        "vinokomm.de",
        "partner",
        "de",
        "static",
        "VinoKomm",
        "Weinmarketing und Weintourismus für Winzerbetriebe",
        "Jakob Stadler",
        ["wein", "branding"],
        "rss",
        "time",
        "de",
        ("Domstraße 18", "97070 Würzburg"),
        8,
        9,
        13,
    ),
    (
        "nachhaltig-vermarkten.at",
        "partner",
        "de",
        "wp",
        "Nachhaltig vermarkten",
        "Regionale Lebensmittel und sanfter Tourismus",
        "Verena Koller",
        ["food", "destination"],
        "rss",
        "time",
        "at",
        ("Landstraße 49", "4020 Linz"),
        9,
        6,
        11,
    ),
    (
        "abhof-geschichten.at",
        "partner",
        "de",
        "builder",
        "Ab-Hof-Geschichten",
        "Storytelling für Direktvermarkterinnen",
        "Magdalena Fuchs",
        ["food", "hofladen"],
        None,
        "relative",
        "at",
        ("Hauptplatz 16", "8430 Leibnitz"),
        7,
        3,
        16,
    ),
    (
        "destinationlab.eu",
        "partner",
        "en",
        "static",
        "Destination Lab",
        "Essays on destination marketing and sustainable tourism",
        "Daniel Berger",
        ["destination", "branding"],
        "rss",
        "time",
        "en",
        ("Praterstraße 38", "1020 Vienna, Austria"),
        8,
        10,
        15,
    ),
    (
        "regionalmarke.wordpress.com",
        "partner",
        "de",
        "wp",
        "Regionalmarke",
        "Ein Blog über regionale Marken und Genussregionen",
        "Martin Aigner",
        ["branding", "food"],
        "rss",
        "time",
        "at",
        ("Hauptstraße 3", "7400 Oberwart"),
        7,
        14,
        18,
    ),
    (
        "landgenuss-pr.at",
        "partner",
        "de",
        "builder",
        "Landgenuss PR",
        "Pressearbeit für Bauernhöfe, Winzer und Manufakturen",
        "Petra Schwarz",
        ["food", "branding", "wein"],
        None,
        "de_long",
        "at",
        ("Esterhazyplatz 2", "7000 Eisenstadt"),
        7,
        8,
        14,
    ),
    (
        "culinarytourismnotes.com",
        "partner",
        "en",
        "wp",
        "Culinary Tourism Notes",
        "Food, wine and the regions behind them",
        "Hannah Clarke",
        ["wein", "destination", "food"],
        "rss",
        "time",
        "en",
        ("Neubaugasse 25", "1070 Vienna, Austria"),
        8,
        5,
        12,
    ),
    (
        "kulinarik-destination.at",
        "partner",
        "de",
        "static",
        "Kulinarik & Destination",
        "Kulinarischer Tourismus im Salzkammergut und darüber hinaus",
        "Simon Wimmer",
        ["destination", "food"],
        "rss",
        "time",
        "at",
        ("Pfarrgasse 6", "4820 Bad Ischl"),
        8,
        7,
        13,
    ),
    # adjacent
    (
        "kuechenliebe.at",
        "adjacent",
        "de",
        "wp",
        "Küchenliebe",
        "Rezepte aus meiner Wiener Küche",
        "Julia Bauer",
        ["rezept"],
        "rss",
        "time",
        "at",
        ("Hernalser Hauptstraße 100", "1170 Wien"),
        9,
        3,
        6,
    ),
    (
        "ofenwarm.blogspot.com",
        "adjacent",
        "de",
        "blogger",
        "Ofenwarm",
        "Backen mit regionalem Mehl",
        "Sophie Lechner",
        ["rezept", "food"],
        "atom",
        "blogger",
        "at",
        ("Marktplatz 2", "3100 St. Pölten"),
        8,
        8,
        9,
    ),
    (
        "veggievienna.com",
        "adjacent",
        "en",
        "static",
        "Veggie Vienna",
        "Plant-based eating in Vienna and beyond",
        "Emma Novak",
        ["rezept"],
        "rss",
        "time",
        "en",
        ("Kettenbrückengasse 9", "1050 Vienna, Austria"),
        8,
        6,
        8,
    ),
    (
        "reisezeilen.at",
        "adjacent",
        "de",
        "wp",
        "Reisezeilen",
        "Reisen in Österreich und Nachbarländern",
        "Stefan Huber",
        ["reise"],
        "rss",
        "time",
        "at",
        ("Schmiedgasse 4", "8010 Graz"),
        9,
        5,
        10,
    ),
    (
        "wanderlust-austria.com",
        "adjacent",
        "en",
        "wp",
        "Wanderlust Austria",
        "Hiking and slow travel in the Alps",
        "Chris Miller",
        ["reise"],
        "rss",
        "time",
        "en",
        ("Maria-Theresien-Straße 18", "6020 Innsbruck, Austria"),
        8,
        9,
        12,
    ),
    (
        "rucksackundrebe.de",
        "adjacent",
        "de",
        "plain",
        "Rucksack & Rebe",
        "Wandern durch Weinregionen",
        "Andreas Koller",
        ["reise", "weinprobe"],
        None,
        "de_num",
        "de",
        ("Weinstraße 7", "67146 Deidesheim"),
        7,
        12,
        14,
    ),
    (
        "weinnotizen.at",
        "adjacent",
        "de",
        "static",
        "Weinnotizen",
        "Verkostungsnotizen eines Weinliebhabers",
        "Thomas Brandl",
        ["weinprobe"],
        "rss",
        "time",
        "at",
        ("Gumpendorfer Straße 60", "1060 Wien"),
        8,
        4,
        9,
    ),
    (
        "veltlinerfreund.blogspot.com",
        "adjacent",
        "de",
        "blogger",
        "Veltlinerfreund",
        "Grüner Veltliner und andere Freuden",
        "Bernhard Moser",
        ["weinprobe"],
        "atom",
        "blogger",
        "at",
        ("Hauptstraße 40", "2000 Stockerau"),
        7,
        11,
        12,
    ),
    (
        "marketing-kaffee.de",
        "adjacent",
        "de",
        "wp",
        "Marketing-Kaffee",
        "Marketing für kleine Unternehmen",
        "Claudia Stadler",
        ["marketing"],
        "rss",
        "time",
        "de",
        ("Königstraße 11", "70173 Stuttgart"),
        9,
        2,
        7,
    ),
    (
        "contentwerk-blog.at",
        "adjacent",
        "de",
        "static",
        "Contentwerk",
        "Content Marketing ohne Bullshit",
        "Paul Reiter",
        ["marketing"],
        "rss",
        "time",
        "at",
        ("Mariahilfer Straße 88", "1070 Wien"),
        8,
        7,
        10,
    ),
    (
        "smallbizmarketing.co.uk",
        "adjacent",
        "en",
        "wp",
        "Small Biz Marketing",
        "Practical marketing for small businesses",
        "Sarah Jones",
        ["marketing"],
        "rss",
        "time",
        "en",
        ("22 Deansgate", "Manchester M3 2BW"),
        8,
        6,
        9,
    ),
    (
        "seasonalkitchen.net",
        "adjacent",
        "en",
        "static",
        "The Seasonal Kitchen",
        "Cooking with what is in season",
        "Olivia Grant",
        ["rezept"],
        "rss",
        "time",
        "en",
        ("4 Mill Lane", "Ludlow SY8 1BB"),
        8,
        10,
        11,
    ),
    (
        "bergkaese-und-mehr.at",
        "adjacent",
        "de",
        "builder",
        "Bergkäse & mehr",
        "Käse, Brot und Jause aus Vorarlberg",
        "Elisabeth Reiter",
        ["rezept", "food"],
        None,
        "de_abbr",
        "at",
        ("Kirchdorf 15", "6863 Egg"),
        7,
        9,
        13,
    ),
    (
        "stadtlandreise.de",
        "adjacent",
        "de",
        "wp",
        "Stadt Land Reise",
        "Kurztrips in Deutschland und Österreich",
        "Marlene Schwarz",
        ["reise"],
        "rss",
        "time",
        "de",
        ("Sendlinger Straße 28", "80331 München"),
        8,
        8,
        10,
    ),
    (
        "socialmedia-werkstatt.at",
        "adjacent",
        "de",
        "static",
        "Social-Media-Werkstatt",
        "Social Media für Vereine und kleine Betriebe",
        "Matthias Eder",
        ["marketing"],
        "rss",
        "time",
        "at",
        ("Museumstraße 5", "6020 Innsbruck"),
        8,
        5,
        8,
    ),
    # friends' lifestyle blogs and other blogs of no interest
    (
        "mamaleben-wien.at",
        "lifestyle",
        "de",
        "wp",
        "Mamaleben Wien",
        "Alltag mit drei Kindern in Wien",
        "Katharina Huber",
        ["lifestyle"],
        "rss",
        "time",
        "at",
        ("Wiedner Hauptstraße 20", "1040 Wien"),
        8,
        2,
        5,
    ),
    (
        "yogamitlena.de",
        "lifestyle",
        "de",
        "static",
        "Yoga mit Lena",
        "Yoga, Achtsamkeit und gutes Essen",
        "Lena Wimmer",
        ["lifestyle"],
        "rss",
        "time",
        "de",
        ("Bergmannstraße 10", "10961 Berlin"),
        7,
        6,
        9,
    ),
    (
        "diy-wohnzimmer.at",
        "lifestyle",
        "de",
        "wp",
        "DIY Wohnzimmer",
        "Selbermachen, Wohnen, Flohmarkt",
        "Verena Leitner",
        ["lifestyle"],
        "rss",
        "time",
        "at",
        ("Josefstädter Straße 30", "1080 Wien"),
        7,
        9,
        8,
    ),
    (
        "laufen-in-wien.at",
        "lifestyle",
        "de",
        "plain",
        "Laufen in Wien",
        "Laufstrecken, Rennen und Muskelkater",
        "Georg Haas",
        ["lifestyle"],
        None,
        "de_num",
        "at",
        ("Prater Hauptallee 1", "1020 Wien"),
        7,
        4,
        7,
    ),
    (
        "herzundheim.blogspot.com",
        "lifestyle",
        "de",
        "blogger",
        "Herz & Heim",
        "Wohnen, Familie, kleine Freuden",
        "Sabine Aigner",
        ["lifestyle"],
        "atom",
        "blogger",
        "at",
        ("Dorfstraße 3", "3830 Waidhofen an der Thaya"),
        7,
        10,
        10,
    ),
    (
        "fotonotizen.de",
        "offtopic",
        "de",
        "static",
        "Fotonotizen",
        "Fotografie und Technik",
        "Jan Richter",
        ["offtopic"],
        "rss",
        "time",
        "de",
        ("Lindenstraße 3", "50674 Köln"),
        7,
        5,
        9,
    ),
    (
        "gartenkind.at",
        "offtopic",
        "de",
        "wp",
        "Gartenkind",
        "Gemüse, Blumen und Gartenchaos",
        "Petra Bauer",
        ["offtopic"],
        "rss",
        "time",
        "at",
        ("Am Anger 4", "2700 Wiener Neustadt"),
        7,
        3,
        7,
    ),
    (
        "strickliesl.de",
        "offtopic",
        "de",
        "blogger",
        "Strickliesl",
        "Stricken und Häkeln",
        "Liesl Maier",
        ["offtopic"],
        "atom",
        "blogger",
        "de",
        ("Gartenweg 8", "90402 Nürnberg"),
        7,
        6,
        8,
    ),
    (
        "codeschnipsel.at",
        "offtopic",
        "de",
        "static",
        "Codeschnipsel",
        "Notizen eines Entwicklers",
        "Florian Gruber",
        ["offtopic"],
        "rss",
        "time",
        "at",
        ("Lastenstraße 19", "9020 Klagenfurt"),
        7,
        12,
        11,
    ),
    (
        "brettspielabend.de",
        "offtopic",
        "de",
        "wp",
        "Brettspielabend",
        "Rezensionen und Spielberichte",
        "Tobias Keller",
        ["offtopic"],
        "rss",
        "time",
        "de",
        ("Feldstraße 22", "24105 Kiel"),
        7,
        7,
        9,
    ),
    (
        "radlwerkstatt.at",
        "offtopic",
        "de",
        "plain",
        "Radlwerkstatt",
        "Fahrräder reparieren und fahren",
        "Martin Eder",
        ["offtopic"],
        None,
        "de_num",
        "at",
        ("Radetzkystraße 7", "6020 Innsbruck"),
        6,
        16,
        12,
    ),
    (
        "buecherstapel.at",
        "offtopic",
        "de",
        "wp",
        "Bücherstapel",
        "Was ich lese",
        "Anna Moser",
        ["offtopic"],
        "rss",
        "time",
        "at",
        ("Universitätsplatz 2", "5020 Salzburg"),
        7,
        8,
        10,
    ),
    # dead (last post 2021 / 2022)
    (
        "hofmarketing-blog.de",
        "dead",
        "de",
        "wp",
        "Hofmarketing-Blog",
        "Marketing für landwirtschaftliche Direktvermarkter",
        "Ralf Hoffmann",
        ["food", "hofladen"],
        "rss",
        "time",
        "de",
        ("Bauernweg 2", "34117 Kassel"),
        8,
        1800,
        25,
    ),
    (
        "weinreise-tagebuch.at",
        "dead",
        "de",
        "plain",
        "Weinreise-Tagebuch",
        "Unterwegs zu Winzern und Heurigen",
        "Helga Strasser",
        ["wein", "reise"],
        None,
        "de_num",
        "at",
        ("Weinbergweg 3", "7062 St. Margarethen"),
        8,
        1540,
        30,
    ),
]

PLATFORMS = [
    "facebook.com",
    "instagram.com",
    "youtube.com",
    "linkedin.com",
    "pinterest.com",
    "booking.com",
    "airbnb.com",
    "tripadvisor.com",
    "derstandard.at",
    "orf.at",
    "de.wikipedia.org",
    "amazon.de",
    "tiktok.com",
    "x.com",
]

BIZ_KINDS = [  # host pattern, kind, count
    ("biohof-{f}.at", "hof", 9),
    ("weingut-{f}.at", "weingut", 8),
    ("heuriger-{f}.at", "heuriger", 6),
    ("gasthaus-{f}.at", "gasthaus", 6),
    ("obsthof-{f}.at", "hof", 4),
    ("ferienhof-{f}.at", "ferienhof", 6),
    ("kaesemacherei-{f}.at", "manufaktur", 3),
    ("hotel-{f}.at", "hotel", 3),
]
ORGS = [
    ("genussland-noe.at", "Genussland Niederösterreich", "verein"),
    ("direktvermarkter-verband.at", "Verband der Direktvermarkter", "verein"),
    ("kellergassen-forum.at", "Kellergassen-Forum", "verein"),
    ("bio-bauern-ost.at", "Bio-Bauern Ost", "verein"),
    ("gemeinde-rieggers.at", "Gemeinde Rieggers", "gemeinde"),
    ("lfs-weinbau.ac.at", "Weinbauschule am Hang", "schule"),
    ("marktgemeinde-poysdorf-info.at", "Marktgemeinde Poysdorf", "gemeinde"),
    ("slowfood-region-ost.at", "Slow Food Region Ost", "verein"),
]

COMMENTS_DE = [
    "Danke für den Beitrag, das mit der Tafel am Hoftor probiere ich nächste Woche aus!",
    "Sehr spannend. Bei uns im Betrieb haben wir ähnliche Erfahrungen gemacht.",
    "Schön auf den Punkt gebracht. Darf ich den Artikel in unserem Newsletter verlinken?",
    "Genau das predige ich meinen Kundinnen auch immer, jetzt kann ich auf diesen Text verweisen.",
    "Ich würde ergänzen: ohne gute Fotos geht gar nichts.",
    "Toller Text! Wir sehen uns beim Netzwerktreffen.",
    "Interessant, wie unterschiedlich das in den Regionen läuft. Bei uns im Westen ist das ganz anders.",
    "Vielen Dank für die Erwähnung, liebe Grüße aus dem Nachbarort!",
]
COMMENTS_EN = [
    "Great piece, this matches what we see with our farm clients.",
    "Thanks for sharing, I'll pass this on to our team.",
    "Really useful, especially the bit about opening hours.",
    "Lovely read. Hope to visit the region next spring!",
]
SPAM_COMMENTS = [
    "Toller Beitrag! Ich habe viel gelernt, danke.",
    "Sehr informativ, weiter so!",
    "Super Artikel, genau das habe ich gesucht.",
    "Danke für die hilfreichen Infos!",
    "Great post, very informative!",
]
ANON = ["Maria", "Herbert K.", "Gerti", "Franz aus Tulln", "Susanne", "Anonym", "Hans-Peter"]


# ------------------------------------------------------------------------------------------------
# building
# ------------------------------------------------------------------------------------------------


def _post_path(site: Site, when: dt.datetime, slug: str, rng: random.Random) -> str:
    s = site.style
    if s in ("wp", "magazine"):
        return f"/{when.year}/{when.month:02d}/{slug}/"
    if s == "blogger":
        return f"/{when.year}/{when.month:02d}/{slug[:40]}.html"
    if s == "wix":
        return f"{site.base}/post/{slug}"
    if s == "medium":
        return f"{site.base}/{slug}-{rng.getrandbits(40):010x}"
    if s == "board":
        return f"/blog/{slug}/"
    if s == "static":
        return f"/posts/{slug}/"
    if s == "builder":
        return f"/blog/{slug}"
    return f"/{slug}.html"


def _make_posts(site: Site, rng: random.Random, n: int, newest: int, gap: int) -> None:
    day = TODAY - dt.timedelta(days=newest)
    used = set()
    for i in range(n):
        topic = site.topics[i % len(site.topics)] if i % 3 else rng.choice(site.topics)
        title = title_for(rng, site.lang, topic, site.bias)
        tries = 0
        while title in used and tries < 12:
            title = title_for(rng, site.lang, topic, site.bias)
            tries += 1
        if title in used:
            title += (
                f" ({'Teil' if site.lang == 'de' else 'part'} {i + 1})"
                if i % 2
                else f" – {rng.choice(ORTE if site.lang == 'de' else EN_PLACES)}"
            )
        used.add(title)
        when = dt_at(day, rng.randint(6, 20), rng.choice((0, 15, 30, 45)))
        paras = paragraphs(
            rng,
            site.lang,
            [topic] + ([rng.choice(site.topics)] if len(site.topics) > 1 else []),
            rng.randint(3, 5),
            site.bias,
        )
        p = Post(title, slugify(title), when, paras, site.author, topic)
        p.path = _post_path(site, when, p.slug, rng)
        site.posts.append(p)
        day -= dt.timedelta(days=max(1, int(gap * rng.uniform(0.5, 1.6))))


def reword(rng: random.Random, post: Post, lang: str) -> tuple[str, list[str]]:
    def swap(text: str) -> str:
        return " ".join(SYNONYMS.get(w, w) for w in text.split())

    paras = []
    for para in post.paras:
        sents = re.split(r"(?<=[.!?])\s+", para)
        rng.shuffle(sents)
        paras.append(swap(" ".join(sents)))
    if len(paras) > 2:
        paras = paras[1:] + paras[:1]
    title = ("Tipps: " if lang == "de" else "Tips: ") + swap(post.title)
    return title, paras


@dataclass
class World:
    seeds: list[str]
    truth: dict[str, str]
    pages: dict[tuple[str, str], tuple[int, dict[str, str], bytes]]
    redirects: dict[str, str]
    topic: str = TOPIC
    platforms: set[str] = field(default_factory=set)

    def response(self, host: str, path: str) -> tuple[int, dict[str, str], bytes]:
        host = host.lower().split(":")[0]
        if host in self.redirects:
            return (
                301,
                {"Location": f"http://{self.redirects[host]}{path}", "Content-Type": "text/html; charset=utf-8"},
                b"<a>Moved</a>",
            )
        clean = path.split("#")[0]
        hit = self.pages.get((host, clean)) or self.pages.get((host, clean.split("?")[0]))
        if hit:
            return hit
        bare = host.removeprefix("www.")
        if path == "/robots.txt":
            if bare in ("facebook.com", "instagram.com", "linkedin.com", "tiktok.com", "x.com"):
                return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /\n"
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /wp-admin/\nDisallow: /warenkorb/\n"
        if bare in self.platforms:
            name = bare.split(".")[-2].title()
            body = (
                f"<!DOCTYPE html><html><head><title>{name}</title></head><body><header>{name}</header><main><h1>{name}</h1>"
                f"<p>Melde dich an, um fortzufahren. / Log in to continue.</p><a href='/login'>Log in</a></main>"
                f"<footer><a href='/about'>About</a> <a href='/privacy'>Privacy</a></footer></body></html>"
            )
            return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()
        if (host, clean + "/") in self.pages:
            return 301, {"Location": f"http://{host}{clean}/", "Content-Type": "text/html"}, b""
        known = any(h == host for h, _ in self._hosts())
        body = b"<html><head><title>404 Not Found</title></head><body><h1>Seite nicht gefunden</h1></body></html>"
        return (404 if known else 502), {"Content-Type": "text/html; charset=utf-8"}, body

    def _hosts(self):
        if not hasattr(self, "_hcache"):
            self._hcache = {(h, "") for h, _ in self.pages}
        return self._hcache


def build_world(seed: int = 20261207) -> World:
    rng = random.Random(seed)
    sites: dict[str, Site] = {}
    truth: dict[str, str] = {}
    for host, label, lang, style, title, tag, author, topics, feed, ds, legal, addr, n, newest, gap in BLOGS:
        first = author.split()[0].lower()
        email = (
            f"{first}@{host}"
            if not host.endswith((".blogspot.com", ".wordpress.com", ".wixsite.com")) and host != "medium.com"
            else f"{first}.{author.split()[-1].lower()}@gmx.at"
        )
        st = Site(
            host,
            label,
            lang,
            style,
            title,
            tag,
            author,
            list(topics),
            feed,
            ds,
            legal=legal,
            address=addr,
            email=email,
            cookie=style not in ("plain", "blogger", "medium"),
        )
        st.bias = {"ort": rng.choice(ORTE), "place": rng.choice(EN_PLACES), "voice": voice(rng, lang)}
        if host == "lisamayr.wixsite.com":
            st.base = "/hofblog"
        if host == "medium.com":
            st.base = "/@katharina.bergmann"
            st.about = False
        if host == "rebenland-tourismus.at":
            st.company = "Tourismusverband Rebenland"
        if host == "krautundruebe-kommunikation.at":
            st.company = "Kraut & Rübe Kommunikation OG"
        if host == "hofmarke.at":
            st.moved_from = "hofmarke-blog.at"
        _make_posts(st, rng, n, newest if label != "dead" else newest + rng.randint(0, 60), gap)
        if label == "dead":  # newest post in 2021 / 2022
            pass
        st.social = rng.sample(
            [
                "https://www.instagram.com/" + slugify(title).replace("-", ""),
                "https://www.facebook.com/" + slugify(title),
                "https://www.pinterest.com/" + slugify(title),
                "https://www.linkedin.com/in/" + slugify(author),
            ],
            2,
        )
        st.social = [u.replace("https://www.", "http://www.") for u in st.social]
        sites[host] = st
        truth[st.key] = label
    truth["wordpress.com"] = "partner"  # the only wordpress.com blog of this world, under its registered domain

    S = sites
    seeds = [
        S[h]
        for h in (
            "krautundruebe-kommunikation.at",
            "hofladen-werkstatt.at",
            "ausgsteckt-blog.at",
            "destinationsdenken.at",
        )
    ]
    partners = [s for s in S.values() if s.label == "partner"]
    adjacent = [s for s in S.values() if s.label == "adjacent"]
    lifestyle = [s for s in S.values() if s.label == "lifestyle"]
    offtopic = [s for s in S.values() if s.label == "offtopic"]
    dead = [s for s in S.values() if s.label == "dead"]

    def link_of(s: Site) -> str:
        if s.moved_from:
            return f"http://{s.moved_from}/"
        return s.home

    # -- business sites, organisations ---------------------------------------------------------
    biz: list[Site] = []
    fams = FAMILIEN[:]
    for pat, kind, count in BIZ_KINDS:
        rng.shuffle(fams)
        for f in fams[:count]:
            host = pat.format(f=slugify(f))
            names = {
                "hof": f"Biohof {f}",
                "weingut": f"Weingut {f}",
                "heuriger": f"Heuriger {f}",
                "gasthaus": f"Gasthaus {f}",
                "ferienhof": f"Ferienhof {f}",
                "manufaktur": f"Käsemacherei {f}",
                "hotel": f"Hotel {f}",
            }
            name = names[kind] if not pat.startswith("obsthof") else f"Obsthof {f}"
            ort = rng.choice(ORTE)
            b = Site(
                host,
                "business",
                "de",
                rng.choice(["builder", "static", "wp"]),
                name,
                f"{name} – {ort}",
                "",
                [],
                None,
                legal="at",
                address=(
                    f"{rng.choice(['Dorfstraße', 'Hauptstraße', 'Kellergasse', 'Am Anger', 'Feldweg'])} {rng.randint(1, 60)}",
                    f"{rng.randint(2000, 9900)} {rng.choice(['Stetten', 'Grafenegg', 'Gars', 'Mautern', 'Spitz', 'Ottenschlag', 'Ybbsitz', 'Hartberg'])}",
                ),
                email=f"office@{host}",
                company=name,
                about=True,
            )
            b.extra["_kind"] = kind
            b.extra["_ort"] = ort
            b.social = [
                f"http://www.facebook.com/{slugify(name)}",
                f"http://www.instagram.com/{slugify(name).replace('-', '')}",
            ]
            biz.append(b)
            sites[host] = b
            truth[b.key] = "business"
    for host, name, kind in ORGS:
        b = Site(
            host,
            "business",
            "de",
            "static",
            name,
            name,
            "",
            [],
            None,
            legal="at",
            address=(
                f"Hauptplatz {rng.randint(1, 20)}",
                f"{rng.randint(2000, 9900)} {rng.choice(['Krems', 'Tulln', 'Poysdorf', 'Zwettl', 'Horn'])}",
            ),
            email=f"office@{host}",
            company=name,
        )
        b.extra["_kind"] = kind
        b.extra["_ort"] = rng.choice(ORTE)
        biz.append(b)
        sites[host] = b
        truth[b.key] = "business"

    # -- shops, booking, news, seller, machines, copies, aggregator ----------------------------------
    def mk(host, label, lang, style, title, tag, author, legal, addr, about=True, company=""):
        s = Site(
            host,
            label,
            lang,
            style,
            title,
            tag,
            author,
            [],
            None,
            legal=legal,
            address=addr,
            email=f"office@{host}",
            about=about,
            company=company,
        )
        sites[host] = s
        truth[s.key] = label
        return s

    shop1 = mk(
        "hofladen-steiner.at",
        "shop",
        "de",
        "builder",
        "Hofladen Steiner – Onlineshop",
        "Regionale Lebensmittel direkt vom Hof",
        "",
        "at",
        ("Feldgasse 3", "3701 Großweikersdorf"),
        company="Steiner Hofladen GmbH",
    )
    shop2 = mk(
        "weingut-haider.at",
        "shop",
        "de",
        "static",
        "Weingut Haider – Weinshop",
        "Weine aus dem Kamptal online bestellen",
        "",
        "at",
        ("Zöbinger Straße 2", "3550 Langenlois"),
        company="Weingut Haider",
    )
    shop3 = mk(
        "bio-kistl.at",
        "shop",
        "de",
        "builder",
        "Bio-Kistl",
        "Regionale Bio-Kisten, geliefert in Wien",
        "",
        "at",
        ("Laxenburger Straße 365", "1230 Wien"),
        company="Bio-Kistl GmbH",
    )
    booking = mk(
        "urlaubambauernhof-buchen.at",
        "booking",
        "de",
        "builder",
        "Bauernhofurlaub buchen",
        "Über 800 Ferienhöfe in Österreich",
        "",
        "at",
        ("Ungargasse 37", "1030 Wien"),
        company="Hofurlaub Buchungsservice GmbH",
    )
    news = mk(
        "weinviertler-rundschau.at",
        "news",
        "de",
        "magazine",
        "Weinviertler Rundschau",
        "Nachrichten aus dem Weinviertel",
        "Redaktion",
        "at",
        ("Hauptplatz 10", "2130 Mistelbach"),
        company="Rundschau Regionalmedien GmbH",
    )
    seller = mk(
        "blog-reichweite.de",
        "seller",
        "de",
        "wp",
        "Blog Reichweite",
        "Tipps für Alltag, Geld, Garten und Reisen",
        "Redaktion",
        "de",
        ("Friedrichstraße 123", "10117 Berlin"),
        company="Reichweite Media UG",
    )
    seller.topics = ["kredit", "casino", "garten", "reisen_spam", "food"]
    machines = [
        mk(
            "tourismus-news-heute.de",
            "machine",
            "de",
            "wp",
            "Tourismus News Heute",
            "Aktuelle Tourismus-News",
            "admin",
            None,
            ("", ""),
            about=False,
        ),
        mk(
            "food-trends-aktuell.net",
            "machine",
            "de",
            "wp",
            "Food Trends Aktuell",
            "Die neuesten Food-Trends",
            "Redaktion",
            None,
            ("", ""),
            about=False,
        ),
        mk(
            "regional-ratgeber.info",
            "machine",
            "de",
            "magazine",
            "Regional Ratgeber",
            "Ratgeber für Regionales",
            "admin",
            None,
            ("", ""),
            about=False,
        ),
    ]
    for m, tops in zip(
        machines,
        (
            ["destination", "reisen_spam", "agrotourismus"],
            ["food", "rezept", "hofladen"],
            ["food", "garten", "destination"],
        ),
    ):
        m.topics = tops
        m.cookie = True
    copies = [
        mk(
            "landmarketing-tipps.de",
            "copy",
            "de",
            "wp",
            "Landmarketing Tipps",
            "Marketingtipps für Landwirte",
            "Team Landmarketing",
            "de",
            ("Postfach 1120", "49401 Damme"),
        ),
        mk(
            "regio-genuss-magazin.at",
            "copy",
            "de",
            "magazine",
            "Regio Genuss Magazin",
            "Genuss aus der Region",
            "Redaktion",
            None,
            ("", ""),
        ),
        mk(
            "farmbrandingtips.com",
            "copy",
            "en",
            "static",
            "Farm Branding Tips",
            "Branding tips for farms",
            "J. Smith",
            None,
            ("", ""),
        ),
    ]
    aggr = mk(
        "genussnews-portal.at",
        "aggregator",
        "de",
        "magazine",
        "Genussnews Portal",
        "Das Beste aus Österreichs Genuss- und Tourismusblogs",
        "Redaktion",
        "at",
        ("Praterstraße 1", "1020 Wien"),
        company="Genussnews Medien e.U.",
    )
    truth["hofmarke-blog.at"] = "moved"
    for p in PLATFORMS:
        truth[p.removeprefix("de.")] = "platform"
    truth["wikipedia.org"] = "platform"

    # -- posts of the noise sites ------------------------------------------------------------------
    # seller: weekly posts on every topic
    _make_posts(seller, rng, 12, 3, 6)
    for p in seller.posts:
        p.author = "Redaktion"
    # machines: three to five posts a day for nine days
    for m in machines:
        for d in range(9):
            for k in range(rng.randint(3, 5)):
                topic = rng.choice(m.topics)
                when = dt_at(TODAY - dt.timedelta(days=d), 6 + k * 3, rng.randint(0, 59))
                title = title_for(rng, "de", topic) + f" ({d * 5 + k + 1})"
                title = rng.choice(["", "Die besten ", "Top ", "Ratgeber: ", "News: "]) + title
                paras = paragraphs(rng, "de", [topic, rng.choice(["food", "destination", "reisen_spam"])], 3)
                p = Post(title, slugify(title), when, paras, m.author, topic)
                p.path = _post_path(m, when, p.slug, rng)
                m.posts.append(p)
        m.posts.sort(key=lambda p: p.when, reverse=True)

    # -- blogrolls -----------------------------------------------------------------------------
    P = {s.key: s for s in partners}
    A = {s.key: s for s in adjacent}
    k, h, a, d = seeds
    # seed 1: sidebar blogroll + a "Lesenswert" page with descriptions
    k.blogroll_style = "sidebar"
    k.blogroll = [
        (s.title, link_of(s))
        for s in (
            h,
            a,
            d,
            P["genussregion-blog.at"],
            P["hofmarke.at"],
            P["nachhaltig-vermarkten.at"],
            P["markenland-blog.de"],
            P["regionalfoodbrands.com"],
            A["contentwerk-blog.at"],
            dead[0],
        )
    ]
    k.friends = [(lifestyle[0].title, lifestyle[0].home), (lifestyle[2].title, lifestyle[2].home)]
    k.blogroll_style = "sidebar"
    k.extra_rows = [
        (s.title, link_of(s), s.tagline)
        for s in (
            P["abhof-geschichten.at"],
            P["landgenuss-pr.at"],
            P["regionalmarke.wordpress.com"],
            P["direktvermarkter-wissen.de"],
            A["marketing-kaffee.de"],
            A["kuechenliebe.at"],
            A["smallbizmarketing.co.uk"],
            P["hofmarke.at"],
        )
    ]
    k.extra["_has_links_page"] = "1"
    # seed 2: OPML blogroll + friends list
    h.blogroll_style = "opml"
    h.opml = [
        (s.title, s.home, s.url(s.extra_paths["feed"]) if s.feed else s.home)
        for s in (
            k,
            P["hofladenliebe.blogspot.com"],
            P["farmstaymarketing.co.uk"],
            P["destinationlab.eu"],
            P["lisamayr.wixsite.com"],
            A["ofenwarm.blogspot.com"],
            P["direktvermarkter-wissen.de"],
            A["seasonalkitchen.net"],
        )
    ]
    h.friends = [
        (s.title, link_of(s))
        for s in (
            k,
            P["hofladenliebe.blogspot.com"],
            P["abhof-geschichten.at"],
            lifestyle[1],
            A["bergkaese-und-mehr.at"],
        )
    ]
    # seed 3: Linktipps page with a table
    a.blogroll_title = "Linktipps"
    a.blogroll_style = "page"
    a.extra_rows = [
        (s.title, link_of(s), s.tagline)
        for s in (
            P["kellergassen-kommunikation.at"],
            P["vinokomm.de"],
            P["culinarytourismnotes.com"],
            P["rebenland-tourismus.at"],
            A["weinnotizen.at"],
            A["veltlinerfreund.blogspot.com"],
            A["rucksackundrebe.de"],
            dead[1],
            d,
            k,
            lifestyle[3],
        )
    ]
    a.friends = [(d.title, d.home), (k.title, k.home)]
    # seed 4: friends and partners in the footer
    d.blogroll_style = "footer"
    d.blogroll = [
        (s.title, link_of(s))
        for s in (
            k,
            a,
            P["kulinarik-destination.at"],
            P["urlaubamhof-praxis.at"],
            P["destinationlab.eu"],
            A["reisezeilen.at"],
            A["wanderlust-austria.com"],
            lifestyle[4],
        )
    ]
    d.extra["_about"] = (
        f"<p>Ich bin Miriam Steinberger und arbeite seit fünfzehn Jahren im Destinationsmarketing, zuerst bei einem "
        f"Landestourismusverband, heute selbstständig in Graz. Hier schreibe ich über Regionen, die mehr wollen als Nächtigungen.</p>"
        f'<p>Ich lese gern bei <a href="{P["kulinarik-destination.at"].home}">Simon Wimmer</a>, bei '
        f'<a href="{P["culinarytourismnotes.com"].home}">Hannah Clarke</a> und in den Texten von '
        f'<a href="{P["medium.com"].home}">Katharina Bergmann auf Medium</a>. Für Reisetipps schaue ich bei '
        f'<a href="{A["stadtlandreise.de"].home}">Stadt Land Reise</a> vorbei.</p>'
    )

    # partners, adjacent, lifestyle: small sidebar blogrolls (second hop)
    for s in partners + adjacent + lifestyle:
        if s.style in ("wp", "static", "builder", "blogger", "plain", "magazine") and rng.random() < 0.8:
            if s.label == "partner":
                pool = (
                    [x for x in partners if x is not s and x.key != "medium.com"]
                    + rng.sample(adjacent, 2)
                    + rng.sample(seeds, 2)
                )
                picks = rng.sample(pool, 5) + rng.sample(biz, 1)
            elif s.label == "adjacent":
                pool = [x for x in adjacent if x is not s] + offtopic + lifestyle
                picks = rng.sample(pool, 4) + ([rng.choice(partners[:-1])] if rng.random() < 0.4 else [])
            else:
                picks = rng.sample(offtopic + [x for x in lifestyle if x is not s], 4)
            s.blogroll = [(x.title, x.home) for x in picks]
            s.blogroll_style = "sidebar"
    # the wix blog, medium, board: none
    for key in ("lisamayr.wixsite.com", "medium.com", "rebenland-tourismus.at"):
        S[key].blogroll, S[key].blogroll_style = [], "none"

    # -- links in posts --------------------------------------------------------------------------
    platforms_for_links = [
        "http://www.instagram.com/explore/tags/hofladen/",
        "http://www.youtube.com/watch?v=Kx7f2Qw1",
        "http://www.derstandard.at/story/2000150123/regionale-lebensmittel-boomen",
        "http://orf.at/stories/3301234/",
        "http://www.booking.com/region/at/weinviertel.html",
        "http://de.wikipedia.org/wiki/Heuriger",
        "http://www.tripadvisor.com/Tourism-g190410-Lower_Austria.html",
    ]
    seed_targets = (
        [
            (x.title, link_of(x))
            for x in (
                P["medium.com"],
                P["rebenland-tourismus.at"],
                P["kulinarik-destination.at"],
                P["genussregion-blog.at"],
                P["hofmarke.at"],
                P["landgenuss-pr.at"],
                P["culinarytourismnotes.com"],
                P["urlaubamhof-praxis.at"],
                A["kuechenliebe.at"],
                A["socialmedia-werkstatt.at"],
                A["stadtlandreise.de"],
                A["reisezeilen.at"],
            )
        ]
        + [(x.title, x.home) for x in (shop1, shop2, shop3, booking, aggr)]
        + [("Bericht der Weinviertler Rundschau", news.url("/lokales/heurigenkalender-2027-vorgestellt/"))]
        + [(b.title, b.home) for b in biz[:18]]
    )
    rng.shuffle(seed_targets)
    seed_posts = [p for s in seeds for p in s.posts]
    for i, t in enumerate(seed_targets):
        seed_posts[(i * 7) % len(seed_posts)].links.append(t)
    for i, p in enumerate(seed_posts):
        if i % 3 == 0:
            p.links.append(("Quelle", rng.choice(platforms_for_links)))
        if i % 4 == 1:
            other = rng.choice([s for s in seeds if p not in s.posts])
            p.links.append((other.title, other.home))
    for s in partners + adjacent + dead:
        for _j, p in enumerate(s.posts):
            r = rng.random()
            if s.label == "partner":
                if r < 0.45:
                    x = rng.choice(biz)
                    p.links.append((x.title, x.home))
                if rng.random() < 0.35:
                    x = rng.choice([y for y in partners if y is not s])
                    p.links.append((x.title, link_of(x)))
                if rng.random() < 0.3:
                    x = rng.choice(seeds)
                    p.links.append((x.title, x.home))
                if rng.random() < 0.25:
                    p.links.append(("Instagram", rng.choice(platforms_for_links)))
            else:
                if r < 0.3:
                    x = rng.choice(biz + adjacent)
                    if x is not s:
                        p.links.append((x.title, x.home))
                if rng.random() < 0.15:
                    p.links.append(("Quelle", rng.choice(platforms_for_links)))
    for s in lifestyle + offtopic:
        for p in s.posts[:3]:
            if rng.random() < 0.5:
                x = rng.choice(lifestyle + offtopic)
                if x is not s:
                    p.links.append((x.title, x.home))

    # -- comments -----------------------------------------------------------------------------
    def comment(post: Post, who: Site | None, text: str, lag: int) -> None:
        when = post.when + dt.timedelta(days=lag, hours=rng.randint(1, 9))
        if when.date() > TODAY:
            when = dt_at(TODAY, 7)
        if who is None:
            post.comments.append(Comment(rng.choice(ANON), None, when, text))
        else:
            name = who.author if who.author and who.author not in ("admin", "Redaktion") else who.title
            post.comments.append(Comment(name, who.home, when, text))

    for s in seeds:
        for i, p in enumerate(s.posts):
            for _ in range(rng.randint(0, 3)):
                who = rng.choice(seeds + partners[:12] + adjacent[:6] + [None, None])
                if who is s:
                    continue
                lang = who.lang if who else "de"
                comment(p, who, rng.choice(COMMENTS_EN if lang == "en" else COMMENTS_DE), rng.randint(0, 4))
            if i < 6:  # machine blogs leave comments under the seeds' newer posts
                comment(p, machines[(i + seeds.index(s)) % 3], rng.choice(SPAM_COMMENTS), rng.randint(0, 2))
        s.posts[3].comments.append(
            Comment(
                "Blog Reichweite",
                seller.home,
                s.posts[3].when + dt.timedelta(days=1),
                "Schöner Artikel! Wir veröffentlichen auch Gastbeiträge zu vielen Themen.",
            )
        )
    k.posts[1].comments.append(
        Comment("Landmarketing Tipps", copies[0].home, k.posts[1].when + dt.timedelta(days=2), "Interessant, danke!")
    )
    h.posts[2].comments.append(
        Comment("Regio Genuss Magazin", copies[1].home, h.posts[2].when + dt.timedelta(days=1), "Sehr gute Tipps.")
    )
    P["regionalfoodbrands.com"].posts[1].comments.append(
        Comment(
            "Farm Branding Tips",
            copies[2].home,
            P["regionalfoodbrands.com"].posts[1].when + dt.timedelta(days=3),
            "Great tips, thanks!",
        )
    )
    for s in partners + adjacent:
        for p in s.posts[:5]:
            if rng.random() < 0.4:
                pool = [
                    x
                    for x in (partners + seeds if s.label == "partner" else adjacent + lifestyle)
                    if x is not s and x.lang == s.lang
                ]
                who = rng.choice(pool + [None])
                comment(p, who, rng.choice(COMMENTS_EN if s.lang == "en" else COMMENTS_DE), rng.randint(0, 5))

    # machine posts link the seeds, each other, the seller and a copy blog
    for m in machines:
        for i, p in enumerate(m.posts):
            if i % 2 == 0:
                x = rng.choice(seeds)
                p.links.append((x.title, x.home))
            if i % 5 == 1:
                x = rng.choice([y for y in machines if y is not m] + [seller, copies[1]])
                p.links.append((x.title, x.home))

    # -- copies and the aggregator ---------------------------------------------------------------
    def copy_into(dst: Site, src: Site, idx: int, *, republish: bool, lag: int) -> None:
        o = src.posts[idx]
        when = o.when + dt.timedelta(days=lag, hours=rng.randint(1, 5))
        if when.date() > TODAY:
            when = dt_at(TODAY, 6)
        if republish:
            title, paras = o.title, list(o.paras)
            p = Post(
                title, slugify(title), when, paras, o.author, o.topic, canonical=src.url(o.path), source=(src.key, idx)
            )
            if src.lang == "en":
                p.note_html = f'<p class="source-note"><em>Originally published at <a href="{esc(src.url(o.path))}">{esc(src.title)}</a>.</em></p>'
            else:
                p.note_html = (
                    f'<p class="source-note"><em>Dieser Beitrag erschien zuerst auf <a href="{esc(src.url(o.path))}">{esc(src.title)}</a>'
                    f" – wir danken {esc(o.author)} für die Erlaubnis zur Veröffentlichung.</em></p>"
                )
        else:
            title, paras = reword(rng, o, src.lang)
            p = Post(title, slugify(title), when, paras, dst.author, o.topic, source=(src.key, idx))
        p.path = _post_path(dst, when, p.slug, rng)
        dst.posts.append(p)

    for src, idx in [(k, 0), (h, 1), (a, 2), (d, 1), (k, 4)]:
        copy_into(copies[0], src, idx, republish=False, lag=rng.randint(6, 20))
    for src, idx in [
        (P["genussregion-blog.at"], 1),
        (P["kellergassen-kommunikation.at"], 0),
        (P["nachhaltig-vermarkten.at"], 2),
        (P["abhof-geschichten.at"], 1),
        (P["hofladenliebe.blogspot.com"], 0),
    ]:
        copy_into(copies[1], src, idx, republish=False, lag=rng.randint(5, 25))
    for src, idx in [
        (P["regionalfoodbrands.com"], 0),
        (P["destinationlab.eu"], 1),
        (P["regionalfoodbrands.com"], 2),
        (P["farmstaymarketing.co.uk"], 0),
    ]:
        copy_into(copies[2], src, idx, republish=False, lag=rng.randint(7, 30))
    for key, idx in [
        ("genussregion-blog.at", 0),
        ("hofladenliebe.blogspot.com", 1),
        ("direktvermarkter-wissen.de", 0),
        ("markenland-blog.de", 0),
        ("kellergassen-kommunikation.at", 1),
        ("hofmarke.at", 0),
        ("vinokomm.de", 0),
        ("nachhaltig-vermarkten.at", 0),
        ("regionalmarke.wordpress.com", 1),
        ("kulinarik-destination.at", 0),
        ("culinarytourismnotes.com", 0),
        ("genussregion-blog.at", 2),
    ]:
        copy_into(aggr, P[key], idx, republish=True, lag=rng.randint(0, 1))
    for s in copies + [aggr]:
        s.posts.sort(key=lambda p: p.when, reverse=True)
    aggr.blogroll_style = "sidebar"
    aggr.blogroll = [
        (P[x].title, P[x].home)
        for x in ("genussregion-blog.at", "markenland-blog.de", "vinokomm.de", "kulinarik-destination.at")
    ] + [(copies[1].title, copies[1].home)]
    copies[0].legal = "de"

    pages = render_all(sites, rng, seller, shop1, shop2, shop3, booking, news, biz)
    redirects = {"hofmarke-blog.at": "hofmarke.at", "www.hofmarke-blog.at": "hofmarke.at"}
    for s in sites.values():
        if s.host != "medium.com":
            redirects[s.alt_host] = s.host
    return World([s.home for s in seeds], truth, pages, redirects, platforms=set(PLATFORMS) | {"medium.com"})


BIZ_TEXT = {
    "hof": [
        "Wir bewirtschaften unseren Hof in dritter Generation biologisch.",
        "Im Hofladen gibt es Gemüse, Eier, Most und Brot aus eigener Herstellung.",
        "Öffnungszeiten Hofladen: Freitag 14 bis 18 Uhr, Samstag 8 bis 12 Uhr.",
        "Gerne liefern wir auch an Gastronomiebetriebe in der Umgebung.",
    ],
    "weingut": [
        "Unser Familienweingut bewirtschaftet zwölf Hektar Weingärten in besten Lagen.",
        "Ab-Hof-Verkauf nach telefonischer Vereinbarung.",
        "Unsere Weine: Grüner Veltliner, Riesling, Zweigelt und ein Rosé vom Blauburger.",
        "Besuchen Sie uns bei den Kellergassenfesten!",
    ],
    "heuriger": [
        "Ausg'steckt ist bei uns viermal im Jahr, die genauen Termine finden Sie unter Aktuelles.",
        "Kalte und warme Heurigenjause, hausgemachte Aufstriche und Mehlspeisen.",
        "Gastgarten mit Blick auf die Weingärten, 80 Sitzplätze.",
        "Reservierung für Gruppen ab zehn Personen erbeten.",
    ],
    "gasthaus": [
        "Regionale Wirtshausküche mit Produkten von Bauern aus der Umgebung.",
        "Mittagsmenü von Dienstag bis Freitag.",
        "Montag und Dienstag Ruhetag.",
        "Für Feiern bis 60 Personen steht unser Stüberl zur Verfügung.",
    ],
    "ferienhof": [
        "Drei Ferienwohnungen mit Blick auf die Almen, Frühstück mit Produkten vom Hof.",
        "Kinder dürfen beim Füttern der Tiere helfen.",
        "Preise ab 89 Euro pro Nacht für zwei Personen.",
        "Anfragen und Buchungen gerne direkt per E-Mail.",
    ],
    "manufaktur": [
        "Wir machen Käse aus Heumilch von sechs Bauern aus dem Tal.",
        "Schaukäserei mit Führungen jeden Donnerstag.",
        "Unsere Produkte gibt es im Hofladen und auf dem Bauernmarkt.",
        "Öffnungszeiten: Montag bis Samstag 9 bis 17 Uhr.",
    ],
    "hotel": [
        "Familiengeführtes Hotel mit 28 Zimmern und Wellnessbereich.",
        "Halbpension mit regionaler Küche.",
        "Pauschalen für Radfahrer und Wanderer.",
        "Frühbucherbonus bis Ende Februar.",
    ],
    "verein": [
        "Wir vernetzen Betriebe, die regionale Lebensmittel erzeugen und verarbeiten.",
        "Mitglied werden können alle Betriebe der Region.",
        "Jährliche Vollversammlung im März.",
        "Termine und Veranstaltungen finden Sie im Kalender.",
    ],
    "gemeinde": [
        "Amtsstunden: Montag bis Freitag 8 bis 12 Uhr.",
        "Bürgerservice, Formulare und Gemeindezeitung.",
        "Müllabfuhrkalender 2027 online.",
        "Veranstaltungen in unserer Gemeinde.",
    ],
    "schule": [
        "Fachschule für Weinbau und Kellerwirtschaft.",
        "Tag der offenen Tür im Jänner.",
        "Anmeldung für das Schuljahr 2027/28.",
        "Praxisunterricht im schuleigenen Weingut.",
    ],
}


def render_all(
    sites: dict[str, Site],
    rng: random.Random,
    seller: Site,
    shop1: Site,
    shop2: Site,
    shop3: Site,
    booking: Site,
    news: Site,
    biz: list[Site],
) -> dict:
    pages: dict[tuple[str, str], tuple[int, dict[str, str], bytes]] = {}
    H = {"Content-Type": "text/html; charset=utf-8"}

    def put(site: Site, path: str, body: str, ctype: str | None = None, modified: dt.datetime | None = None) -> None:
        headers = {"Content-Type": ctype} if ctype else dict(H)
        if modified is not None:
            headers["Last-Modified"] = rfc822(modified)
        pages[(site.host, path)] = (200, headers, body.encode("utf-8"))

    special = {seller.host, shop1.host, shop2.host, shop3.host, booking.host, news.host} | {b.host for b in biz}
    for s in sites.values():
        if s.host in special and s is not seller:
            continue
        if not s.extra.get("_about") and s.about:
            de = s.lang == "de"
            bio = f"<p>{'Hallo, ich bin' if de else 'Hi, I am'} {esc(s.author)}. " + (
                f"Auf diesem Blog schreibe ich über {esc(s.tagline.lower() if s.tagline[:1].islower() else s.tagline)}.</p>"
                if de
                else f"This blog is about {esc(s.tagline[0].lower() + s.tagline[1:])}.</p>"
            )
            if s.label == "copy":
                bio = f"<p>{'Wir sammeln die besten Tipps für Sie.' if de else 'We collect the best tips for you.'}</p>"
            more = " ".join(sentences(rng, s.lang, s.topics[:1] or ["marketing"], 2, s.bias)) if s.topics else ""
            s.extra["_about"] = bio + (f"<p>{esc(more)}</p>" if more else "")
        if s.style == "board":
            continue
        for p in s.posts:
            put(s, p.path, post_html(s, p, rng), modified=max([p.when] + [c.when for c in p.comments]))
        base = s.base
        if s.style == "wix":
            pages[(s.host, "/")] = (302, {"Location": f"http://{s.host}{base}", "Content-Type": "text/html"}, b"")
            put(s, base, home_html(s))
        elif s.style == "medium":
            put(s, base, home_html(s))
        else:
            put(s, "/", home_html(s))
        if s.style != "medium":
            ep = s.extra_paths
            if s.about:
                put(s, base + ep["about"], about_html(s))
            if s.legal:
                put(s, base + ep["legal"], legal_html(s))
            put(s, base + ep["contact"], contact_html(s))
            put(s, base + ep["privacy"], privacy_html(s))
            if s.extra_rows:
                put(s, base + ep["links"], links_html(s))
            if s.feed:
                put(
                    s,
                    ep["feed"],
                    feed_xml(s),
                    "application/atom+xml; charset=utf-8" if s.feed == "atom" else "application/rss+xml; charset=utf-8",
                )
            if s.opml:
                put(s, "/blogroll.opml", opml_xml(s), "text/x-opml; charset=utf-8")

    # the tourism board: booking on the home page, the blog under /blog/
    b = sites["rebenland-tourismus.at"]
    for p in b.posts:
        p.author = rng.choice(["Anna Brandl", "Lukas Fuchs", "Team Rebenland"])
        put(b, p.path, post_html(b, p, rng))
    booking_home = (
        '<section class="hero"><h1>Urlaub im Rebenland</h1><p>Weingärten, Kellergassen und Heurigen: finden Sie Ihre Unterkunft.</p>'
        '<form class="booking-search" action="/unterkuenfte/"><label>Anreise <input type="date" name="from"></label>'
        '<label>Abreise <input type="date" name="to"></label><label>Personen <select name="p"><option>2</option><option>3</option></select></label>'
        "<button>Unterkünfte suchen</button></form></section>"
        '<section class="offers"><h2>Pauschalen</h2><ul><li><a href="/angebote/kellergassen-wochenende/">Kellergassen-Wochenende ab 189 €</a></li>'
        '<li><a href="/angebote/radurlaub/">Radurlaub an der Thaya ab 249 €</a></li><li><a href="/angebote/advent/">Advent in der Kellergasse ab 159 €</a></li></ul></section>'
        "<section><h2>Aus unserem Blog</h2><ul>"
        + "".join(f'<li><a href="{p.path}">{esc(p.title)}</a></li>' for p in b.posts[:3])
        + '</ul><p><a href="/blog/">Alle Beiträge im Rebenland-Blog</a></p></section>'
        "<section><h2>Unterkünfte</h2><p>Winzerzimmer, Ferienhöfe und Hotels – jetzt online buchen. "
        + " ".join(
            f'<a href="{x.home}">{esc(x.title)}</a>' for x in biz if x.extra.get("_kind") in ("ferienhof", "hotel")
        )[:1200]
        + "</p></section>"
    )
    blog_home = home_html(b).replace(
        '<h1 class="page-title">Rebenland Tourismus</h1>',
        '<h1 class="page-title">Rebenland-Blog</h1>'
        "<p>Geschichten von Winzerinnen, Wirten und Gastgebern aus dem Rebenland.</p>",
    )
    put(b, "/blog/", blog_home)
    put(b, "/", page_html(b, "Rebenland Tourismus – Urlaub buchen", booking_home, body_class="home"))
    put(
        b,
        "/unterkuenfte/",
        page_html(b, "Unterkünfte", "<h1>Unterkünfte</h1><p>Bitte wählen Sie Ihren Reisezeitraum.</p>"),
    )
    for slug, t in (
        ("kellergassen-wochenende", "Kellergassen-Wochenende"),
        ("radurlaub", "Radurlaub an der Thaya"),
        ("advent", "Advent in der Kellergasse"),
    ):
        put(
            b,
            f"/angebote/{slug}/",
            page_html(
                b, t, f"<h1>{t}</h1><p>2 Nächte mit Frühstück, Kellerführung und Heurigenjause. Jetzt buchen!</p>"
            ),
        )
    put(b, "/ueber-uns/", about_html(b))
    put(b, "/impressum/", legal_html(b))
    put(b, "/kontakt/", contact_html(b))
    put(b, "/datenschutz/", privacy_html(b))
    b.base = ""
    put(b, "/blog/feed/", feed_xml(b), "application/rss+xml; charset=utf-8")
    pages[(b.host, "/blog/feed/")] = pages[(b.host, "/blog/feed/")]
    # feed link of the board points to /blog/feed/
    for key, (st, hd, body) in list(pages.items()):
        if key[0] == b.host and hd.get("Content-Type", "").startswith("text/html"):
            pages[key] = (st, hd, body.replace(b'href="/feed/"', b'href="/blog/feed/"'))

    # the link seller's price list
    seller.extra_rows = []
    preise = (
        "<h1>Mediadaten &amp; Preise</h1><p>Blog Reichweite erreicht monatlich über 40.000 Leserinnen und Leser aus Deutschland und Österreich.</p>"
        '<table class="preise"><tr><th>Leistung</th><th>Preis</th></tr><tr><td>Gastbeitrag mit dofollow-Link</td><td>149 €</td></tr>'
        "<tr><td>Sponsored Post inkl. 2 dofollow-Links</td><td>249 €</td></tr><tr><td>Linkeinbau in bestehenden Artikel</td><td>89 €</td></tr>"
        "<tr><td>Linkpaket: 5 Gastartikel auf unseren Partnerblogs</td><td>590 €</td></tr></table>"
        "<p>Alle Themen möglich: Finanzen, Casino, Gesundheit, Garten, Reisen, Kulinarik. Kennzeichnung als Werbung auf Wunsch entfernbar.</p>"
        '<p>Anfragen an <a href="mailto:office@blog-reichweite.de">office@blog-reichweite.de</a></p>'
    )
    put(seller, "/preise/", page_html(seller, "Mediadaten & Preise", f'<article class="page">{preise}</article>'))
    home = pages[(seller.host, "/")]
    pages[(seller.host, "/")] = (
        home[0],
        home[1],
        home[2].replace(
            b'<h1 class="page-title">Blog Reichweite</h1>',
            '<h1 class="page-title">Blog Reichweite</h1><p class="promo">Werbung &amp; Gastbeiträge: '
            '<a href="/preise/">Mediadaten und Preise</a></p>'.encode(),
        ),
    )

    # shops
    shop_items = [
        (
            shop1,
            [
                ("Marillenmarmelade 250 g", "4,90"),
                ("Bauernbrot 1 kg", "5,20"),
                ("Kürbiskernöl 0,5 l", "14,90"),
                ("Bio-Eier 10 Stück", "4,50"),
                ("Apfelsaft naturtrüb 1 l", "2,80"),
                ("Geschenkkorb Hofladen", "39,00"),
                ("Speck vom Mangalitza 300 g", "11,90"),
            ],
        ),
        (
            shop2,
            [
                ("Grüner Veltliner Kamptal 2025", "9,50"),
                ("Riesling Ried Heiligenstein 2024", "22,00"),
                ("Zweigelt Classic 2024", "8,90"),
                ("Sekt Brut Reserve", "16,50"),
                ("Probierpaket 6 Flaschen", "59,00"),
                ("Gutschein Kellerführung", "25,00"),
            ],
        ),
        (
            shop3,
            [
                ("Bio-Kistl klein", "24,90"),
                ("Bio-Kistl Familie", "39,90"),
                ("Obstkistl", "19,90"),
                ("Regionalkistl Weinviertel", "34,90"),
                ("Brotabo wöchentlich", "12,00"),
            ],
        ),
    ]
    intros = {
        shop1.host: "Regionale Lebensmittel direkt vom Hof – online bestellt, am Samstag abholbereit oder per Post geliefert.",
        shop2.host: "Unsere Weine aus dem Kamptal bequem online bestellen. Versandkostenfrei ab 12 Flaschen.",
        shop3.host: "Jede Woche frisches Bio-Gemüse von Bauern aus dem Marchfeld und Weinviertel, geliefert bis an die Wohnungstür.",
    }
    for shop, items in shop_items:
        cards = "".join(
            f'<div class="product-card"><a href="/produkt/{slugify(n)}/"><h3>{esc(n)}</h3></a><span class="price">€ {pr}</span>'
            f"<button>In den Warenkorb</button></div>"
            for n, pr in items
        )
        intro = intros[shop.host]
        put(
            shop,
            "/",
            page_html(
                shop,
                shop.title,
                f'<h1>{esc(shop.title)}</h1><p>{intro}</p><div class="products">{cards}</div>'
                f'<p><a href="/warenkorb/">Warenkorb</a> · <a href="/agb/">AGB</a> · Versand &amp; Zahlung</p>',
                body_class="home shop",
            ),
        )
        for n, pr in items:
            put(
                shop,
                f"/produkt/{slugify(n)}/",
                page_html(
                    shop,
                    n,
                    f'<div class="product"><h1>{esc(n)}</h1><p class="price">€ {pr} inkl. MwSt.</p>'
                    f"<p>Aus regionaler Herstellung. Lieferzeit 2–4 Werktage.</p><button>In den Warenkorb</button></div>",
                ),
            )
        put(
            shop,
            "/agb/",
            page_html(
                shop,
                "AGB",
                "<h1>Allgemeine Geschäftsbedingungen</h1><p>§ 1 Geltungsbereich. Diese AGB gelten für alle Bestellungen.</p>",
            ),
        )
        ep = shop.extra_paths
        put(shop, ep["legal"], legal_html(shop))
        put(shop, ep["contact"], contact_html(shop))
        put(shop, ep["privacy"], privacy_html(shop))
        shop.extra["_about"] = f"<p>{esc(shop.company)} – {esc(shop.tagline)}.</p>"
        put(shop, ep["about"], about_html(shop))

    # booking platform
    farms = [x for x in biz if x.extra.get("_kind") in ("ferienhof", "hof")]
    cards = "".join(
        f'<div class="listing"><a href="/hof/{slugify(x.title)}/"><h3>{esc(x.title)}</h3></a><p>{esc(x.extra["_ort"])} · ab {rng.randint(69, 140)} € / Nacht</p>'
        f'<span class="rating">{rng.randint(40, 50) / 10} ★</span></div>'
        for x in farms
    )
    put(
        booking,
        "/",
        page_html(
            booking,
            booking.title,
            '<h1>Bauernhofurlaub in Österreich buchen</h1><form><input name="q" placeholder="Region oder Hof">'
            f'<input type="date" name="from"><button>Suchen</button></form><div class="listings">{cards}</div>',
            body_class="home",
        ),
    )
    for x in farms:
        put(
            booking,
            f"/hof/{slugify(x.title)}/",
            page_html(
                booking,
                x.title,
                f"<h1>{esc(x.title)}</h1><p>{esc(' '.join(BIZ_TEXT[x.extra['_kind']][:2]))}</p>"
                f'<p>Website des Gastgebers: <a href="{x.home}">{esc(x.host)}</a></p><button>Verfügbarkeit prüfen</button>',
            ),
        )
    ep = booking.extra_paths
    put(booking, ep["legal"], legal_html(booking))
    put(booking, ep["contact"], contact_html(booking))
    put(booking, ep["privacy"], privacy_html(booking))
    booking.extra["_about"] = "<p>Wir vermitteln Urlaub auf über 800 Bauernhöfen in ganz Österreich.</p>"
    put(booking, ep["about"], about_html(booking))

    # regional news site
    heads = [
        "Heurigenkalender 2027 vorgestellt",
        "Neuer Radweg durch die Kellergassen eröffnet",
        "Gemeinderat beschließt Budget",
        "Feuerwehrfest in Wolkersdorf",
        "Bauernmarkt übersiedelt auf den Hauptplatz",
        "Weinbaupräsident zieht Bilanz über Lesejahr",
        "Verkehr: Umleitung bei Mistelbach",
        "Schulen: Neue Direktorin in Laa",
        "Adventmärkte im Weinviertel im Überblick",
        "Kellergassenführer ausgezeichnet",
        "Hochwasserschutz: Baubeginn im Frühjahr",
        "Sportunion feiert Aufstieg",
    ]
    items = []
    for i, t in enumerate(heads):
        when = dt_at(TODAY - dt.timedelta(days=i * 2 + rng.randint(0, 1)), 7 + i % 10)
        slug = slugify(t)
        txt = " ".join(
            sentences(rng, "de", ["wein" if i % 3 == 0 else "destination"], 3)
            if i % 2 == 0
            else [
                "Die Gemeinde informiert über die aktuellen Entwicklungen.",
                "Details werden in den kommenden Wochen bekanntgegeben.",
                "Bürgermeister und Vizebürgermeisterin zeigten sich zufrieden.",
            ]
        )
        put(
            news,
            f"/lokales/{slug}/",
            page_html(
                news,
                t,
                f'<article class="news"><h1>{esc(t)}</h1><div class="meta">{date_html(news, when)} · Redaktion</div>'
                f'<p>{esc(txt)}</p><aside class="ad">Anzeige</aside></article>',
            ),
        )
        items.append(f'<li><a href="/lokales/{slug}/">{esc(t)}</a> <small>{date_html(news, when)}</small></li>')
    put(
        news,
        "/",
        page_html(
            news,
            news.title,
            f'<h1>Weinviertler Rundschau</h1><div class="epaper"><a href="/epaper/">E-Paper</a> · '
            f'<a href="/abo/">Abo</a></div><ul class="news-list">{"".join(items)}</ul>',
            body_class="home",
        ),
    )
    ep = news.extra_paths
    put(news, ep["legal"], legal_html(news))
    put(news, ep["contact"], contact_html(news))
    put(news, ep["privacy"], privacy_html(news))

    # businesses and organisations
    for x in biz:
        kind = x.extra["_kind"]
        txt = BIZ_TEXT[kind]
        more = ""
        if kind in ("weingut", "heuriger", "verein") and rng.random() < 0.7:
            ds = [TODAY - dt.timedelta(days=rng.randint(5, 200)) for _ in range(3)]
            more = (
                '<section class="aktuelles"><h2>Aktuelles</h2><ul>'
                + "".join(
                    f"<li>{d.strftime('%d.%m.%Y')}: {rng.choice(['Ausg`steckt bis Sonntag!', 'Jungweinpräsentation', 'Neuer Jahrgang im Ab-Hof-Verkauf', 'Kellergassenfest', 'Vollversammlung']).replace('`', chr(39))}</li>"
                    for d in sorted(ds, reverse=True)
                )
                + "</ul></section>"
            )
        put(
            x,
            "/",
            page_html(
                x,
                x.title,
                f"<h1>{esc(x.title)}</h1><p>{esc(' '.join(txt))}</p>{more}"
                f'<p>Folgen Sie uns auf <a href="{x.social[0] if x.social else "http://www.facebook.com/"}">Facebook</a>.</p>'
                if x.social
                else f"<h1>{esc(x.title)}</h1><p>{esc(' '.join(txt))}</p>{more}",
                body_class="home",
            ),
        )
        x.extra["_about"] = f"<p>{esc(txt[0])}</p><p>Sie finden uns in der {esc(x.extra['_ort'])}.</p>"
        ep = x.extra_paths
        put(x, ep["about"], about_html(x))
        put(x, ep["legal"], legal_html(x))
        put(x, ep["contact"], contact_html(x))
        put(x, ep["privacy"], privacy_html(x))
    return pages


if __name__ == "__main__":
    w = build_world()
    print(len(w.truth), "sites,", len(w.pages), "pages")
