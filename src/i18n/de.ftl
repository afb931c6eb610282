# konzept – Meldungen auf Deutsch (die führende Sprache).
#
# Jede Meldung hat eine Kennung (links vom =) und benannte Werte ({ $name }).
# en.ftl hat dieselben Kennungen mit denselben Werten (ein Test prüft das).
# Werte stehen in „…“, Gedankenstriche sind –, kein Schlusspunkt nach der
# Meldung selbst. Anzahlen wählen Einzahl oder Mehrzahl:
#   { $count -> [one] 1 Datei *[other] { $count } Dateien }

## Rahmen der Ausgabe

severity-error = Fehler
severity-warning = Warnung
hint-line = Hinweis: { $hint }
summary-problems = { $errors ->
        [one] 1 Fehler
       *[other] { $errors } Fehler
    }, { $warnings ->
        [one] 1 Warnung
       *[other] { $warnings } Warnungen
    }

## Häufige Hinweise

hint-did-you-mean = Meinten Sie „{ $name }“?
hint-save-utf8 = Die Datei im Editor als UTF-8 speichern („Kodierung: UTF-8“)

## Dateien lesen

file-unreadable = Die Datei kann nicht gelesen werden: { $reason }
io-not-found = Sie ist nicht vorhanden
io-permission-denied = Keine Leseberechtigung
io-is-a-folder = Das ist ein Ordner, keine Datei
io-other = { $detail }

## Kapitel: Handlungsfeld, Bilder, HTML

chapter-unknown-field-of-action = Unbekanntes Handlungsfeld „{ $id }“
hint-fields-of-action-home = Die Handlungsfelder stehen in data/handlungsfelder.yaml
image-no-alt = Das Bild „{ $src }“ hat keinen Alternativtext
hint-image-alt = Zwischen den eckigen Klammern beschreiben, was das Bild zeigt, z. B. „![Zeitleiste des Beteiligungsprozesses](bild.svg)“
image-missing = Das Bild „{ $src }“ gibt es nicht
hint-image-looked-for = Der Pfad gilt ab dem Ordner des Kapitels; gesucht wurde { $path }
image-wrong-format = Das Bild „{ $src }“ ist weder SVG noch PNG noch JPEG
hint-image-save-as = Das Bild als SVG, PNG oder JPEG speichern – andere Formate können die PDFs nicht einbetten
image-svg-unusable = Das SVG-Bild „{ $src }“ ist nicht verwendbar: { $reason }
hint-svg-save-again = Das Bild in einem Zeichenprogramm öffnen und erneut als einfaches SVG speichern
image-remote = Das Bild „{ $src }“ liegt auf einem anderen Server
hint-image-remote = Das Bild im Projekt neben dem Kapitel speichern, damit Website und PDFs es verwenden können
raw-html-cleaned = HTML im Text wird entfernt oder bereinigt
hint-raw-html = Stattdessen Markdown schreiben; „allow_html = true“ in book.toml lässt mehr Elemente zu (Videos, eingebettete Seiten) und schaltet diese Warnung ab – Skripte aber nie
in-text-of = { $message } (im Text von „{ $id }“)

## SVG-Bilder

svg-compressed = Die Datei ist komprimiert (SVGZ); bitte als einfaches SVG speichern
svg-not-utf8 = Die Datei ist kein UTF-8-Text und damit kein SVG
svg-not-xml = Die Datei ist kein wohlgeformtes XML: { $detail }
svg-wrong-root = Das oberste Element der Datei ist „<{ $element }>“, nicht „<svg>“
svg-unreadable = Die Zeichnung lässt sich nicht lesen: { $detail }

## Links

link-unknown-kind = Unbekannte Linkart „{ $prefix }:“
hint-link-kind-did-you-mean = Meinten Sie „{ $name }:“? Linkarten: { $kinds }
hint-link-kinds = Linkarten: { $kinds }
link-target-missing = Das Linkziel „{ $dest }“ gibt es nicht
hint-no-record-with-id = { $kind ->
        [empfehlung] Keine Empfehlung
        [massnahme] Keine Maßnahme
        [kommune] Keine Kommune
        [handlungsfeld] Kein Handlungsfeld
        [zielgruppe] Keine Zielgruppe
        [indikator] Kein Indikator
        [kapitel] Kein Kapitel
       *[other] Kein Eintrag
    } hat die Kennung „{ $id }“
link-chapter-no-heading = Das Kapitel „{ $chapter }“ hat keine Überschrift „#{ $anchor }“
hint-heading-id = Auf eine Überschrift über ihre Kennung verlinken; eine Kennung bekommt sie so: „## Ziele {"{"}#ziele{"}"}“
link-no-heading-here = Dieses Kapitel hat keine Überschrift „#{ $anchor }“
hint-heading-id-or-link = Der Überschrift eine Kennung geben („## Ziele {"{"}#ziele{"}"}“) oder den Link korrigieren
hint-link-forms = Kapitel verlinkt man mit „kapitel:slug“, Einträge z. B. mit „empfehlung:SB-1“; Dateipfade gelten ab dem Ordner des Kapitels
link-file-outside = Die Datei „{ $dest }“ liegt nicht im Ordner content/ und wird nicht veröffentlicht
hint-link-file-outside = Dateien, auf die ein Kapitel verlinkt (PDF, DOCX, XLSX …), in einen Ordner unter content/ legen, z. B. content/dokumente/
link-file-kind = Dateien der Art „.{ $ext }“ veröffentlicht die Website nicht: „{ $dest }“
hint-link-file-kinds = Veröffentlicht werden: { $kinds }. Eine Seite als Kapitel schreiben, eine Grafik als Bild einbinden

## Listen-Blöcke (```konzept)

listing-empty = Der Listen-Block ist leer
listing-unknown = Unbekannte Liste „{ $call }“
listing-expected-pair = Erwartet wird „name=wert“, gefunden wurde „{ $found }“
listing-unknown-argument = Die Liste „{ $call }“ kennt keine Angabe „{ $name }“
listing-names-nothing = „{ $name }={ $value }“ nennt nichts, was es gibt
hint-listing-spelling = Die Schreibweise von „{ $value }“ mit den Kennungen in data/ vergleichen
hint-listing-one-call = Ein Aufruf pro Block, z. B. „empfehlungen handlungsfeld=sprache-bildung“

## konzept serve: Fehleranzeige im Browser

serve-errors-title = Die Quellen enthalten Fehler
serve-errors-note = Die Seite zeigt den letzten fehlerfreien Stand. Sobald die Fehler behoben sind, verschwindet dieser Hinweis.
serve-pdf-building = PDF wird neu erstellt …
serve-pdf-ready = PDF ist aktuell
serve-pdf-failed = PDF konnte nicht erstellt werden

## YAML-Dateien

yaml-unknown-field = Unbekanntes Feld „{ $field }“

## Befehlszeile: Statuszeilen

cli-not-a-date = „{ $value }“ ist kein Datum wie „2025-02-17“

## Befehlszeile: Hilfe (--help) und Aufruffehler
cli-heading-usage = Aufruf:
cli-heading-commands = Befehle
cli-heading-options = Optionen
cli-heading-arguments = Argumente
cli-value-command = BEFEHL
cli-help = Diese Hilfe zeigen
cli-version = Die Version von konzept zeigen
cli-about = konzept erstellt die Website und die PDFs eines öffentlichen Strategiepapiers aus Markdown-Kapiteln und YAML-Daten.
cli-build = Website (und PDFs) in den Ausgabeordner schreiben
cli-serve = Erstellen, die Website auf 127.0.0.1 zeigen und bei jeder Änderung neu erstellen
cli-check = Die Quellen prüfen, ohne etwas zu schreiben: dieselben Meldungen wie „build“ (Links, Überschriften, Zusammenfassungen, Bilder, vergessene Einträge …) und die PDFs des letzten Laufs
cli-new = Ein Kapitel oder einen Eintrag (mit der nächsten freien Kennung) aus einer Vorlage anlegen
cli-init = Ein neues, kleines Projekt anlegen, das sich erstellen lässt
cli-new-chapter = Ein Kapitel: content/NN-slug.md mit der nächsten Ordnungsnummer
cli-new-empfehlung = Eine Empfehlung am Ende von data/empfehlungen.yaml, mit der nächsten Kennung ihres Handlungsfelds (z. B. SB-7)
cli-new-massnahme = Eine Maßnahme am Ende von data/massnahmen.yaml, mit der nächsten freien Kennung (M-…)
cli-new-kommune = Eine Stadt oder Gemeinde: data/kommunen/<slug>.yaml
cli-new-angebot = Ein Angebot in den „angebote:“ einer Kommune
cli-new-akteur = Einen Akteur am Ende von data/akteure.yaml; die Kennung entsteht aus dem Namen und ist nie schon vergeben
cli-new-indikator = Eine Kennzahl am Ende von data/indikatoren.yaml; die Kennung entsteht aus dem Titel
cli-lang = Sprache der Meldungen: „de“ oder „en“; sonst „language“ aus book.toml, sonst die Spracheinstellung des Systems ($LC_ALL, $LC_MESSAGES, $LANG), sonst Deutsch
cli-root = Der Projektordner (der mit book.toml); Vorgabe: der aktuelle Ordner
cli-out = Die Website hierhin schreiben statt nach „output“ aus book.toml
cli-build-no-pdf = Nur die Website erstellen, keine PDFs
cli-serve-no-pdf = Nur die Website zeigen; die PDFs nicht im Hintergrund neu erstellen
cli-print-out = Die PDFs für die Druckerei hierhin schreiben statt nach „[print] output“ aus book.toml
cli-force = Den Ausgabeordner auch ersetzen, wenn ihn nicht konzept angelegt hat
cli-typst = Das Programm typst (0.15.1), das die PDFs setzt; sonst $KONZEPT_TYPST, sonst die Kopie von „scripts/install-deps“, sonst „typst“ im Suchpfad
cli-typst-timeout = typst anhalten, wenn ein PDF länger als so viele Sekunden braucht; sonst $KONZEPT_TYPST_TIMEOUT, sonst 600 (120 bei „serve“)
cli-diagnostic-format = Wie Probleme erscheinen: „long“ mit Ausschnitt (Vorgabe) oder „short“, eine Zeile je Problem
cli-port = Der Port; 0 wählt einen freien (die Adresse wird angezeigt); Vorgabe: 3000
cli-bind = Auf dieser Adresse statt 127.0.0.1 lauschen. Andere Rechner können die Website dann öffnen; konzept warnt davor
cli-open = Die Website im Browser öffnen
cli-format = Wie die Meldungen erscheinen: „long“ mit Ausschnitt (Vorgabe), „short“ eine Zeile je Meldung, oder „json“ (auf stdout) für andere Programme
cli-deny-warnings = Auch bei Warnungen mit Fehler (Rückgabewert 1) enden, nicht nur bei Fehlern
cli-today = Der Tag, mit dem die Zeiträume der Maßnahmen verglichen werden (JJJJ-MM-TT); sonst $KONZEPT_TODAY, sonst heute
cli-init-dir = Der Ordner des neuen Projekts; er muss leer sein oder darf noch nicht bestehen
cli-init-title = Der Titel der Veröffentlichung (sonst ein Platzhalter)
cli-new-title = Der Titel
cli-new-title-optional = Der Titel (sonst ein Platzhalter)
cli-new-teil = In diesen Teil legen (einen Ordner in content/), z. B. „handlungsfelder“
cli-new-handlungsfeld = Die Kennung des Handlungsfelds, z. B. „sprache-bildung“
cli-new-empfehlung-id = Die Empfehlung, die sie umsetzt, z. B. „SB-2“
cli-new-kommune-name = Ihr Name, z. B. „Schloß Holte-Stukenbrock“
cli-new-kommune-art = Stadt („stadt“) oder Gemeinde („gemeinde“, Vorgabe)
cli-new-angebot-kommune = Der Dateiname der Kommune ohne „.yaml“, z. B. „verl“
cli-new-akteur-name = Sein Name, z. B. „Familienzentrum Verl“
cli-new-akteur-art = Seine Art: verwaltung, wohlfahrtsverband, verein (Vorgabe), migrantenorganisation, bildungstraeger, beratungsstelle, arbeitsverwaltung, kirche oder sonstige
cli-new-akteur-kommune = Die Kommune, in der er arbeitet (ihr Dateiname ohne „.yaml“); ohne Angabe kreisweit
cli-error-unknown-argument = Die Angabe „{ $arg }“ gibt es hier nicht
cli-error-unknown-command = Den Befehl „{ $command }“ gibt es nicht
cli-error-invalid-value = „{ $value }“ passt nicht zu { $arg }
cli-error-missing = Es fehlt: { $arg }
cli-error-values = { $arg } hat zu viele oder zu wenige Werte
cli-error-conflict = { $arg } lässt sich nicht mit den anderen Angaben verbinden
cli-hint-values = Möglich sind: { $values }
cli-hint-help = „--help“ zeigt alle Befehle und Optionen
cli-translations = Übersetzungen der Kurzfassung (translations/<Sprache>.po) anlegen, auffrischen und prüfen
cli-translations-update = translations/<Sprache>.po aus den deutschen Quellen anlegen oder auffrischen: behält jede Übersetzung und markiert die, deren Deutsch sich geändert hat, als „fuzzy“ (zu prüfen), mit dem alten Deutsch daneben
cli-translations-status = Je Sprache: wie viele Texte übersetzt, fehlend oder veraltet sind; mit „--list“ jeder fehlende oder veraltete Text mit Datei und Zeile
cli-translations-check = Nur die Meldungen zu den Übersetzungen (dieselben wie bei „check“); Fehler (Rückgabewert 1) bei Fehlern, mit „--deny-warnings“ auch bei fehlenden oder veralteten Texten
cli-translations-langs = Nur diese Sprachen (Kürzel wie in book.toml); ohne Angabe alle
cli-translations-list = Jeden fehlenden oder veralteten Text aufführen
cli-translations-deny-warnings = Auch bei fehlenden oder veralteten Texten mit Fehler enden
build-failed = { $summary }; es wurde nichts geschrieben
build-done = Website mit { $pages ->
        [one] 1 Seite
       *[other] { $pages } Seiten
    } ({ $files ->
        [one] 1 Datei
       *[other] { $files } Dateien
    }) in { $seconds } s nach { $out } geschrieben
init-done = Neues Projekt in { $dir } angelegt ({ $files ->
        [one] 1 Datei
       *[other] { $files } Dateien
    })
init-next = Weiter mit: cd { $dir } && konzept serve --open
new-created = { $file } angelegt („{ $id }“)
new-added = „{ $id }“ in { $file }:{ $line } hinzugefügt
yaml-expected-found = Erwartet wird { $expected ->
        [integer] eine ganze Zahl
        [number] eine Zahl
        [list] eine Liste („[a, b]“ oder Zeilen, die mit „- “ beginnen)
        [text] ein Text
        [boolean] „true“ (ja) oder „false“ (nein)
        [fields] eine Reihe von Feldern (Zeilen „name: wert“)
       *[other] ein anderer Wert
    }, gefunden wurde „{ $found }“
yaml-expected-kind = Erwartet wird { $expected ->
        [integer] eine ganze Zahl
        [number] eine Zahl
        [list] eine Liste („[a, b]“ oder Zeilen, die mit „- “ beginnen)
        [text] ein Text
        [boolean] „true“ (ja) oder „false“ (nein)
        [fields] eine Reihe von Feldern (Zeilen „name: wert“)
       *[other] ein anderer Wert
    }, gefunden wurde etwas anderes ({ $kind })
hint-digits-only = Nur Ziffern schreiben, ohne Punkte oder Leerzeichen
hint-field-did-you-mean = Meinten Sie „{ $name }“? Felder hier: { $fields }
hint-fields-here = Felder hier: { $fields }
yaml-missing-field = Das Pflichtfeld „{ $field }“ fehlt
hint-add-field = „{ $field }:“ in diesem Eintrag ergänzen
yaml-value-not-allowed = „{ $value }“ ist hier kein erlaubter Wert
hint-value-did-you-mean = Meinten Sie „{ $name }“? Erlaubt: { $allowed }
hint-allowed-values = Erlaubte Werte: { $allowed }
yaml-expected-boolean = Erwartet wird „true“ (ja) oder „false“ (nein)
hint-boolean = „true“ oder „false“ schreiben; „ja“, „nein“, „yes“ und „no“ gelten nicht
yaml-duplicate-key = Das Feld „{ $field }“ steht zweimal da
hint-remove-one-line = Eine der beiden Zeilen löschen
yaml-invalid = Das ist kein gültiges YAML: { $detail }
hint-yaml-invalid = Die Einrückung prüfen, und dass Text mit „: “ oder mit einem Sonderzeichen am Anfang in geraden Anführungszeichen "…" steht
hint-typographic-quotes = Typografische Anführungszeichen „…“ sind für YAML Text, keine Anführungszeichen: den ganzen Wert in gerade doppelte Anführungszeichen setzen, z. B. „{ $example }“

## Unsichtbare Zeichen und eingefügter Text

invisible-char = { $kind ->
        [nbsp] Ein geschütztes Leerzeichen
        [narrow-nbsp] Ein schmales geschütztes Leerzeichen
        [typographic-space] Ein typografisches Leerzeichen
        [zwsp] Ein Leerzeichen ohne Breite
        [zwnj] Ein unsichtbarer Bindungsverhinderer
        [zwj] Ein unsichtbarer Verbinder
        [word-joiner] Ein unsichtbarer Wortverbinder
        [bom] Eine Byte-Order-Markierung (BOM)
        [tab] Ein Tabulator
       *[other] Ein unsichtbares Zeichen
    } (U+{ $code }) { $place ->
        [indent] in der Einrückung
        [dash] nach dem Listenstrich „-“
        [key] im Feldnamen
       *[colon] nach dem Doppelpunkt
    }
invisible-label = { $kind ->
        [nbsp] geschütztes Leerzeichen
        [narrow-nbsp] schmales geschütztes Leerzeichen
        [typographic-space] typografisches Leerzeichen
        [zwsp] Leerzeichen ohne Breite
        [zwnj] unsichtbarer Bindungsverhinderer
        [zwj] unsichtbarer Verbinder
        [word-joiner] unsichtbarer Wortverbinder
        [bom] Byte-Order-Markierung
        [tab] Tabulator
       *[other] unsichtbares Zeichen
    }
hint-tab-in-yaml = YAML wird nur mit Leerzeichen eingerückt: den Tabulator durch Leerzeichen ersetzen
hint-invisible-replace = Durch ein normales Leerzeichen ersetzen – solche Zeichen kommen oft beim Kopieren aus Word oder von Webseiten mit
yaml-comment-cuts = „{ $lost }“ gilt in YAML als Kommentar und fehlt im Text
label-left-out = fehlt im Text
hint-quote-whole-value = Den ganzen Wert in gerade doppelte Anführungszeichen setzen: „{ $example }“
word-bullet = Ein Aufzählungszeichen „{ $bullet }“ aus einer Textverarbeitung
label-not-a-list = keine Markdown-Liste
hint-word-bullet = Listenpunkte mit „- “ statt „{ $bullet }“ beginnen, einer pro Zeile, mit einer Leerzeile vor der Liste
image-path-space = Dieses Bild wird nicht angezeigt: sein Pfad enthält ein Leerzeichen
label-path-space = Pfad mit Leerzeichen
hint-path-space = Den Pfad in spitze Klammern setzen, „(<{ $path }>)“, oder die Datei ohne Leerzeichen umbenennen
hint-path-read-as = Gelesen wird der Pfad als „{ $path }“
placeholder-left = Hier steht noch ein Platzhalter: „{ $text }“
label-placeholder = Platzhalter
hint-placeholder = Durch den richtigen Text ersetzen – Website und PDFs würden ihn sonst so drucken

## Kapitel und Dateien

content-missing = Der Ordner „content/“ fehlt
hint-content-missing = Die Kapitel sind Markdown-Dateien im Ordner content/
chapter-slug-twice = Zwei Kapitel haben den Kurznamen „{ $slug }“
hint-chapter-slug-twice = Das andere ist { $other }; eine der beiden Dateien umbenennen
special-page-twice = Eine zweite Seite dieser Art
hint-special-page-twice = { $other } ist schon diese Seite; eine Veröffentlichung hat jede besondere Seite nur einmal
file-is-a-part = Diese Datei beschreibt einen Teil, kein Kapitel
file-not-utf8 = Die Datei ist kein UTF-8-Text
file-name-not-slug = Der Dateiname „{ $name }“ kann nicht in einer Webadresse stehen
hint-slug-example = Kleinbuchstaben, Ziffern und Bindestriche verwenden, z. B. „{ $example }“
frontmatter-missing = Das Kapitel beginnt nicht mit einem Kopfbereich (Front Matter)
hint-frontmatter-missing = Die Datei mit einer Zeile „---“ beginnen, dann „title: …“, dann wieder eine Zeile „---“
frontmatter-not-closed = Der Kopfbereich (Front Matter) ist nicht abgeschlossen
label-opened-here = hier geöffnet
hint-frontmatter-not-closed = Nach dem letzten Feld des Kopfbereichs („title:“, „summary:“ …) eine Zeile „---“ einfügen
data-file-missing = „{ $file }“ fehlt
hint-data-file-missing = Jede Veröffentlichung braucht diese Datei; „konzept init“ zeigt, wie sie aussieht
path-outside = „{ $path }“ führt aus dem Projekt hinaus (nach „{ $target }“)
hint-path-outside = konzept liest nur Dateien im Projektordner; statt einer Verknüpfung eine Kopie der Datei hierher legen

## book.toml

config-unreadable = book.toml kann nicht gelesen werden: { $reason }
hint-config-unreadable = Jedes konzept-Projekt hat eine book.toml in seinem obersten Ordner; „konzept init ORDNER“ legt eine an
config-not-a-date = „{ $key }“ muss ein Datum wie „{ $example }“ sein, gefunden wurde „{ $found }“
hint-date-order = Das Datum als Jahr-Monat-Tag schreiben
config-folder-outside = „{ $key }“ muss ein Ordner im Projekt sein, gefunden wurde „{ $found }“
hint-folder-relative = Einen relativen Namen wie „{ $example }“ verwenden oder beim Aufruf „{ $option } ORDNER“ angeben
config-theme-name = „theme“ muss der Name eines Themes sein, gefunden wurde „{ $found }“
hint-theme-name = „default“ schreiben oder den Namen eines Ordners in „themes/“ des Projekts, z. B. „kreis“ für themes/kreis/
config-typst = book.toml darf das typst-Programm nicht festlegen, gefunden wurde „{ $found }“
label-config-typst = eine Projektdatei darf kein Programm zum Ausführen nennen
hint-config-typst = Diese Zeile löschen; wer konzept aufruft, wählt typst mit „--typst PFAD“ oder KONZEPT_TYPST
config-bleed = „bleed_mm“ muss zwischen 0 und 10 liegen, gefunden wurde „{ $found }“
hint-bleed = Druckereien verlangen meist 3 mm
config-paper = Unbekanntes Papierformat „{ $found }“
hint-paper = „a4“, „a5“ oder „a6“ verwenden
config-scheme = Das Schema „{ $scheme }“ kann nicht erlaubt werden
hint-scheme-name = Den Namen des Schemas ohne „:“ oder „//“ schreiben, z. B. „webcal“
hint-scheme-never = Links mit diesem Schema können im Browser der Lesenden Code ausführen oder Dateien lesen; konzept schreibt sie nie
config-years = „first_year“ liegt nach „last_year“
config-unknown-key = Unbekannte Einstellung „{ $key }“
label-unknown-key = diese Einstellung kennt konzept nicht
hint-known-keys = Bekannte Einstellungen hier: { $keys }
config-missing-key = Die Pflichteinstellung „{ $key }“ fehlt
hint-add-key = Eine Zeile wie „{ $key } = "…"“ ergänzen
config-invalid = book.toml ist nicht gültig: { $detail }
hint-toml-syntax = book.toml ist in TOML geschrieben: „name = "wert"“, Abschnitte in [eckigen Klammern]

## Datensätze: Kennungen und Verweise

id-not-slug = Die Kennung „{ $id }“ kann nicht in einer Webadresse stehen
hint-slug-chars = Kleinbuchstaben, Ziffern und Bindestriche verwenden
id-invalid = Die Kennung „{ $id }“ { $kind ->
        [empfehlung] der Empfehlung
        [massnahme] der Maßnahme
        [handlungsfeld] des Handlungsfelds
        [zielgruppe] der Zielgruppe
        [indikator] des Indikators
        [kommune] der Kommune
        [akteur] des Akteurs
       *[other] des Eintrags
    } kann nicht in einer Webadresse stehen
label-id-invalid = keine gültige Kennung
hint-id-form = Eine Kennung beginnt mit einem Buchstaben oder einer Ziffer und enthält nur Buchstaben, Ziffern, „-“ und „_“ (höchstens { $max } Zeichen), z. B. „M-017“
id-twice = Die Kennung „{ $id }“ kommt bei den { $kind ->
        [empfehlung] Empfehlungen
        [massnahme] Maßnahmen
        [handlungsfeld] Handlungsfeldern
        [zielgruppe] Zielgruppen
        [indikator] Indikatoren
        [kommune] Kommunen
        [akteur] Akteuren
       *[other] Einträgen
    } zweimal vor
id-twice-case = Die Kennung „{ $id }“ kommt bei den { $kind ->
        [empfehlung] Empfehlungen
        [massnahme] Maßnahmen
        [handlungsfeld] Handlungsfeldern
        [zielgruppe] Zielgruppen
        [indikator] Indikatoren
        [kommune] Kommunen
        [akteur] Akteuren
       *[other] Einträgen
    } zweimal vor: „{ $other }“ unterscheidet sich nur in der Groß- und Kleinschreibung
label-second-use = zweites Vorkommen
hint-id-first-use = Sie kommt zuerst in Zeile { $line } vor; diesem Eintrag eine neue Kennung geben
hint-id-case = „{ $other }“ steht in Zeile { $line }; beide bekämen dieselbe Webadresse, darum diesem Eintrag eine neue Kennung geben
ref-unknown = { $kind ->
        [empfehlung] Unbekannte Empfehlung
        [massnahme] Unbekannte Maßnahme
        [handlungsfeld] Unbekanntes Handlungsfeld
        [zielgruppe] Unbekannte Zielgruppe
        [indikator] Unbekannter Indikator
        [kommune] Unbekannte Kommune
        [akteur] Unbekannter Akteur
       *[other] Unbekannter Eintrag
    } „{ $id }“
label-ref-unknown = { $kind ->
        [empfehlung] keine Empfehlung
        [massnahme] keine Maßnahme
        [handlungsfeld] kein Handlungsfeld
        [zielgruppe] keine Zielgruppe
        [indikator] kein Indikator
        [kommune] keine Kommune
        [akteur] kein Akteur
       *[other] kein Eintrag
    } hat diese Kennung
hint-ref-home = { $kind ->
        [empfehlung] Die Empfehlungen stehen in { $home }
        [massnahme] Die Maßnahmen stehen in { $home }
        [handlungsfeld] Die Handlungsfelder stehen in { $home }
        [zielgruppe] Die Zielgruppen stehen in { $home }
        [indikator] Die Indikatoren stehen in { $home }
        [kommune] Die Kommunen stehen in { $home } (je eine Datei)
        [akteur] Die Akteure stehen in { $home }
       *[other] Die Einträge stehen in { $home }
    }
id-prefix = Die Kennung „{ $id }“ beginnt nicht mit „{ $prefix }-“
hint-id-prefix = Empfehlungen zu „{ $title }“ haben meist Kennungen wie „{ $prefix }-1“
measure-no-kommune = Die Maßnahme „{ $id }“ nennt keine Kommune
hint-kreisweit = Für eine kreisweite Maßnahme „kommunen: [kreisweit]“ schreiben
measure-kreisweit-mixed = „kreisweit“ zusammen mit einzelnen Kommunen
hint-kreisweit-mixed = Eine Maßnahme ist entweder kreisweit oder nennt ihre Kommunen
period-reversed = Der Zeitraum endet („{ $bis }“), bevor er beginnt („{ $von }“)
hint-period-reversed = „von“ und „bis“ tauschen oder das Jahr korrigieren
history-order = Der Verlauf von „{ $id }“ ist nicht nach Datum geordnet
hint-history-order = Die Statusänderungen von der ältesten zur neuesten auflisten
history-status = Der Verlauf von „{ $id }“ endet mit „{ $last }“, der Status ist aber „{ $status }“
hint-history-status = Den aktuellen Status als letzten Eintrag unter „verlauf“ ergänzen
expected-month = Erwartet wird ein Monat wie „2025-03“, gefunden wurde „{ $found }“
hint-month = Den Monat als Jahr-Monat schreiben, z. B. „2026-12“
expected-date = Erwartet wird ein Datum wie „{ $example }“, gefunden wurde „{ $found }“
language-unknown = Unbekanntes Sprachkürzel „{ $code }“
hint-language-codes = Kürzel nach ISO 639-1 verwenden, etwa „de“, „uk“, „ar“, „ro“
url-no-scheme = Die Webadresse „{ $url }“ muss mit https:// beginnen
hint-url-copy = Die vollständige Adresse aus der Adresszeile des Browsers kopieren
offer-unreachable = Das Angebot „{ $title }“ hat weder „kontakt“ noch „url“
hint-offer-unreachable = Lesende brauchen einen Weg zum Angebot: „telefon:“, „email:“, „kontakt:“ oder „url:“ ergänzen

## Überschriften und Zusammenfassungen

heading-level-one = Die Überschrift „{ $text }“ steht auf Ebene 1, wie der Titel
hint-heading-level-one = Der Titel ist die einzige Überschrift der Ebene 1; Abschnitte mit „## “ beginnen
heading-skips = Die Überschrift „{ $text }“ überspringt eine Ebene: Ebene { $level } folgt auf Ebene { $prev }
label-heading-expected = hier wird „{ $hashes }“ erwartet
hint-heading-skips = Screenreader, die Lesezeichen der PDFs und ihre Barrierefreiheits-Tags folgen den Ebenen; eine Raute „#“ mehr schreiben als bei der Überschrift darüber
summary-empty = Die Zusammenfassung („summary“) ist leer
hint-summary-empty = Zwei bis fünf Sätze schreiben, die für sich allein verständlich sind; daraus entstehen die Kurzfassung und die Seitenbeschreibung
summary-missing = Das Kapitel hat keine Zusammenfassung („summary“)
hint-summary-missing = Im Kopfbereich „summary:“ mit zwei bis fünf Sätzen ergänzen; daraus entstehen die Kurzfassung und die Seitenbeschreibung

## Schriften in den PDFs

control-char = Ein unsichtbares Steuerzeichen U+{ $code } im Text{ $more ->
        [0] {""}
        [one] {" "}(und noch 1-mal in dieser Datei)
       *[other] {" "}(und noch { $more }-mal in dieser Datei)
    }
label-control-char = Steuerzeichen
hint-control-char = Das Zeichen löschen; es kommt oft beim Kopieren aus einem anderen Programm mit
no-font = Die PDFs haben keine Schrift für „{ $char }“ (U+{ $code }){ $more ->
        [0] {""}
        [one] {" "}(und noch 1-mal in dieser Datei)
       *[other] {" "}(und noch { $more }-mal in dieser Datei)
    }
label-no-font = keine Schrift für dieses Zeichen
hint-no-font = Die Website zeigt es, die PDFs drucken stattdessen „[U+{ $code }]“; das Zeichen ersetzen oder eine Schrift, die es enthält, in themes/<theme>/print/fonts/ ablegen

## Druck-Theme und Bilder im Druck

builtin-theme-file = eingebautes Theme: { $path }
theme-toml-missing = Das Druck-Theme hat keine „theme.toml“
hint-theme-toml-missing = print/theme.toml aus dem Standard-Theme von konzept kopieren
theme-toml-invalid = theme.toml ist nicht gültig: { $detail }
palettes-missing = theme.toml braucht eine Palette „[rgb]“ und eine Palette „[cmyk]“
hint-palettes-missing = Die Lese-PDFs verwenden [rgb], die Druckdateien [cmyk]
cmyk-invalid = Die CMYK-Farbe „{ $name }“ muss aus vier Prozentwerten bestehen, gefunden wurde „{ $found }“
hint-cmyk-invalid = Cyan, Magenta, Gelb und Schwarz von 0 bis 100 angeben, z. B. „accent = [100, 40, 0, 10]“
cmyk-too-much-ink = Die CMYK-Farbe „{ $name }“ braucht { $total } % Farbauftrag, mehr als { $max } %
label-too-much-ink = zu viel Farbe für den Offsetdruck
hint-too-much-ink = Cyan, Magenta oder Gelb verringern; Druckereien erlauben höchstens 300 % Gesamtfarbauftrag (ISO Coated v2 300 %)
colour-only-in = Die Farbe „{ $name }“ steht in [{ $palette }], aber nicht in [{ $other }]
hint-both-palettes = Jede Farbe braucht einen Wert in beiden Paletten
rgb-invalid = Die RGB-Farbe „{ $name }“ muss wie „#1d5e8c“ aussehen, gefunden wurde „{ $found }“
image-unreadable-raster = Das Bild „{ $src }“ ist keine lesbare PNG- oder JPEG-Datei
hint-image-save-again = Das Bild in einem Bildprogramm öffnen und erneut als PNG oder JPEG speichern
image-low-ppi = Das Bild „{ $src }“ hat bei seiner gedruckten { $what ->
        [width] Breite
       *[height] Höhe
    } von { $mm } mm nur { $ppi } ppi ({ $doc })
hint-image-low-ppi = Druckereien brauchen mindestens { $min } ppi: das Bild mit mindestens { $needed } Pixeln { $what ->
        [width] Breite
       *[height] Höhe
    } liefern oder als SVG
hint-low-ppi-accepted = Für den Druck angenommen durch „accept_low_resolution“ unter [print] in book.toml
hint-accept-low-ppi = Oder für den Druck annehmen: „accept_low_resolution = ["{ $src }"]“ unter [print] in book.toml

## Strukturierte Angebote, Videos, Webadresse

offer-phone-invalid = „{ $value }“ ist keine Telefonnummer
hint-offer-phone = Die Nummer mit Vorwahl schreiben, z. B. „05241 000-0000“ oder „+49 5241 000-0000“; nur Ziffern, Leerzeichen, „-“ und „/“
offer-email-invalid = „{ $value }“ ist keine E-Mail-Adresse
hint-offer-email = Nur die Adresse schreiben, etwa „beratung@example.org“, ohne „mailto:“ und ohne Leerzeichen
offer-cost-unknown = Unbekannte Kostenangabe „{ $value }“
hint-offer-cost = „kostenlos“, „auf-anfrage“ oder einen Betrag in Euro schreiben, etwa „5“ oder „12,50 €“
offer-postcode-invalid = Die Postleitzahl „{ $value }“ hat nicht fünf Ziffern
hint-offer-postcode = Die Postleitzahl mit allen fünf Ziffern in Anführungszeichen schreiben, z. B. plz: "33330"
offer-day-unknown = Unbekannter Wochentag „{ $value }“
hint-offer-day = Die Tage als „mo“, „di“, „mi“, „do“, „fr“, „sa“ oder „so“ schreiben
offer-time-invalid = Erwartet wird eine Uhrzeit wie „09:00“, gefunden wurde „{ $value }“
hint-offer-time = Uhrzeiten mit zwei Ziffern für Stunden und Minuten in Anführungszeichen schreiben: "09:00"
offer-hours-reversed = Die Öffnungszeit endet („{ $until }“), bevor sie beginnt („{ $from }“)
hint-offer-hours-reversed = „von“ ist die Öffnungs-, „bis“ die Schließzeit desselben Tages
hint-chapter-stand = „stand:“ als Jahr-Monat-Tag schreiben; die Seite zeigt es als ihren Stand
videos-wrong-page = „videos“ gehören auf die Seite in Gebärdensprache
hint-videos-wrong-page = „kind: sign-language“ in den Kopfbereich dieser Seite schreiben oder die Videos dorthin verschieben
video-file-invalid = Das Video „{ $file }“ ist keine MP4- oder WebM-Datei neben der Seite
hint-video-file = Das Video in content/ ablegen (z. B. „videos/begruessung.mp4“) und hier nennen; die Website spielt es ohne fremden Player ab
video-captions-invalid = Die Untertitel „{ $file }“ sind keine WebVTT-Datei neben der Seite
hint-video-captions = Die Untertitel als WebVTT („.vtt“) in content/ speichern und die Datei hier nennen
base-url-not-absolute = „base_url“ „{ $value }“ ist keine vollständige Webadresse, daher bekommt die Website keine sitemap.xml
label-base-url-not-absolute = Suchmaschinen und Datenportale brauchen vollständige Adressen
hint-base-url-not-absolute = „base_url“ auf die Adresse setzen, unter der die Website erscheint, z. B. „https://integration.example.org/“

## Monitoring: Indikatoren und CSV-Dateien

csv-no-indicator = Kein Indikator hat die Kennung „{ $id }“
label-csv-no-indicator = diese Werte gehören zu keinem Indikator
hint-csv-file-name = Der Dateiname muss die Kennung eines Indikators aus data/indikatoren.yaml sein
csv-header = Die erste Zeile muss „jahr,gebiet,wert“ lauten
hint-csv-header = Die Spalten sind das Jahr, das Gebiet (der Kurzname einer Kommune oder „kreis“) und der Wert
csv-year-outside = Das Jahr „{ $year }“ liegt außerhalb des Monitoring-Zeitraums { $first }–{ $last }
label-outside-period = außerhalb des Zeitraums
hint-csv-year-outside = Das Jahr korrigieren oder den Zeitraum unter [monitoring] in book.toml erweitern („first_year“, „last_year“)
csv-expected-year = Erwartet wird ein Jahr für „jahr“, gefunden wurde „{ $found }“
hint-csv-year = Das Jahr mit vier Ziffern schreiben, z. B. „2024“
csv-unknown-area = Unbekanntes Gebiet „{ $area }“
label-no-kommune-slug = keine Kommune hat diesen Kurznamen
hint-csv-area = Den Kurznamen einer Kommune (ihren Dateinamen in data/kommunen/) schreiben oder „kreis“ für den ganzen Kreis
csv-expected-number = Erwartet wird eine Zahl für „wert“, gefunden wurde „{ $found }“
hint-csv-decimal-point = Ziffern mit Dezimalpunkt und ohne Tausendertrennzeichen schreiben, z. B. „1234.5“
hint-csv-decimal-comma = Ziffern mit Dezimalkomma und ohne Tausendertrennzeichen schreiben, z. B. „1234,5“
hint-csv-unknown-value = Die Zeile weglassen, wenn ein Wert nicht bekannt ist
csv-second-value = Ein zweiter Wert für „{ $area }“ im Jahr { $year }
label-second-value = zweiter Wert
hint-csv-second-value = Der erste steht in Zeile { $line }; eine Zeile pro Jahr und Gebiet
csv-line-length = Diese Zeile hat { $count ->
        [one] 1 Wert
       *[other] { $count } Werte
    }, erwartet werden 3 („jahr“, „gebiet“, „wert“)
csv-line-unreadable = Diese Zeile lässt sich nicht lesen: { $detail }
hint-csv-line = Pro Zeile ein Jahr, ein Gebiet und einen Wert schreiben, getrennt durch „{ $sep }“
hint-vergleich = „vergleich“ nennt Kommunen mit ihrem Dateinamen in data/kommunen/; der Kreis wird immer gezeigt
vergleich-too-many = „vergleich“ von „{ $id }“ nennt { $count } Kommunen, in ein Diagramm passen höchstens { $max }
hint-vergleich-too-many = Die wichtigsten Kommunen behalten; die Tabelle auf der Seite des Indikators zeigt alle
indicator-no-values = Der Indikator „{ $id }“ hat keine Werte
hint-indicator-no-values = data/monitoring/{ $id }.csv mit den Spalten „jahr,gebiet,wert“ anlegen

## Hinweise zu Datensätzen und Ordnern

recommendation-no-measures = Die Empfehlung „{ $id }“ hat keine Maßnahmen
hint-recommendation-no-measures = Eine mit „konzept new massnahme --empfehlung { $id }“ anlegen; bis dahin steht auf ihrer Seite, dass keine Maßnahmen erfasst sind
field-no-recommendations = Das Handlungsfeld „{ $id }“ hat keine Empfehlungen
hint-field-no-recommendations = Eine mit „konzept new empfehlung --handlungsfeld { $id }“ anlegen
kommune-no-offers = Die Kommune „{ $slug }“ hat keine Angebote
hint-kommune-no-offers = Eines mit „konzept new angebot --kommune { $slug }“ anlegen; Lesende suchen Angebote in ihrer Nähe
measure-overdue = Die Maßnahme „{ $id }“ ist noch „geplant“, ihr Zeitraum ist aber abgelaufen („bis: { $bis }“)
label-today = heute ist der { $today }
hint-measure-overdue = „status:“ auf „laufend“, „umgesetzt“ oder „zurückgestellt“ setzen (und unter „verlauf“ ergänzen) oder „bis“ in die Zukunft verschieben
print-inside-site = Der Ordner für die Druckerei „{ $print }“ muss außerhalb des Website-Ordners „{ $site }“ liegen
label-print-inside-site = die Druckdateien würden mit der Website veröffentlicht
hint-print-inside-site = „{ $setting }“ auf einen Ordner neben der Website setzen, z. B. „druck“; die Druckdateien sind nicht barrierefrei und dürfen nicht veröffentlicht werden
output-overlaps-source = Der { $what ->
        [site] Website-Ordner
       *[other] Ordner für die Druckerei
    } „{ $dir }“ überschneidet sich mit dem Quellordner „{ $source }“
label-output-overlaps = ein Bauen ersetzt diesen Ordner als Ganzes
hint-output-overlaps = Einen eigenen Ausgabeordner neben content/, data/ und themes/ wählen, z. B. „public“ oder „druck“

## Links auf den fertigen Seiten

page-link-outside = Der Link „{ $link }“ führt aus der Website hinaus
page-link-dead = Der Link „{ $link }“ führt zu keiner Seite und keiner Datei der Website
page-link-no-anchor = Der Link „{ $link }“ führt zu keiner Überschrift und keinem Element „#{ $anchor }“ auf seiner Seite
on-page = { $message } (auf der Seite „{ $page }“)
hint-page-link-forms = Kapitel verlinkt man mit „kapitel:slug“, Einträge z. B. mit „empfehlung:SB-1“; andere Dateien des Projekts werden nicht veröffentlicht
link-scheme-refused = Der Link „{ $link }“ verwendet das Schema „{ $scheme }:“, das konzept nicht erlaubt
label-link-scheme = Links dürfen relativ sein oder ein erlaubtes Schema verwenden
hint-link-scheme-never = Links mit „{ $scheme }:“ können im Browser der Lesenden Code ausführen oder lokale Dateien öffnen; konzept schreibt sie nie
hint-link-lower-case = Links auf Einträge werden kleingeschrieben: „{ $kind }:…“
hint-link-schemes-allowed = Erlaubt sind relative Links und { $schemes }; weitere Schemata unter „[links] allowed_schemes“ in book.toml eintragen

## PDFs

reason-outside-project = Der Pfad führt aus dem Projekt hinaus
reason-missing = Die Datei ist nicht vorhanden
reason-symlink = „{ $path }“ ist eine symbolische Verknüpfung
reason-not-regular = Das ist keine gewöhnliche Datei
image-not-for-pdf = Das Bild „{ $src }“ kann nicht in die PDFs: { $reason }
hint-image-regular-file = Das Bild als gewöhnliche Datei ins Projekt kopieren (keine Verknüpfung)
theme-file-symlink = Eine Theme-Datei für die PDFs ist eine symbolische Verknüpfung
hint-theme-file-symlink = Die Verknüpfung durch eine Kopie der Datei ersetzen; typst sieht nur gewöhnliche Dateien
typst-failed = typst konnte das PDF „{ $doc }“ nicht erstellen
typst-message = typst ({ $doc }): { $text }
brochure-pages = Die Broschüre „{ $file }“ hat { $pages } Seiten, keine durch vier teilbare Zahl
hint-brochure-pages = Die Druckerei faltet die Broschüre aus Bögen zu je vier Seiten; „konzept build“ füllt mit Leerseiten auf – darum neu bauen, statt das PDF zu bearbeiten
font-not-embedded = Die Schrift „{ $font }“ ist nicht in „{ $file }“ eingebettet
hint-font-not-embedded = Druckereien und PDF/UA brauchen jede Schrift in der Datei; mit „konzept build“ neu bauen, das bettet die Schriften des Themes ein

## Theme: Texte der Oberfläche und Vorlagen

strings-missing = Das Theme hat keine Oberflächentexte für die Sprache „{ $language }“
hint-strings-missing = { $file } ergänzen oder „language = "de"“ setzen
strings-invalid = Die Oberflächentexte sind kein gültiges TOML: { $detail }
template-error = Fehler in der Vorlage: { $detail }
hint-template-page = Beim Erstellen der Seite „{ $page }“

## konzept new und konzept init

new-project-unreadable = Das Projekt in { $dir } lässt sich nicht lesen
hint-new-project-unreadable = Den Befehl im Projektordner aufrufen (dem mit der book.toml) oder „--root ORDNER“ angeben
new-would-break = Die Änderung würde das Projekt beschädigen, darum wurde nichts geschrieben
init-unreadable = { $dir } ist kein Ordner, den konzept lesen kann
init-not-empty = { $dir } ist nicht leer; „konzept init“ schreibt nur in einen leeren oder neuen Ordner
hint-init-not-empty = Einen neuen Ordnernamen wählen, z. B. „konzept init mein-konzept“
new-chapter-exists = Ein Kapitel mit der Adresse „{ $slug }“ gibt es schon: { $file }
hint-new-chapter-exists = Kapitel brauchen verschiedene Titel (oder die Datei danach umbenennen)
file-unreadable-at = { $file } kann nicht gelesen werden
new-no-part = Es gibt keinen Teil „{ $part }“ in content/
hint-no-parts-yet = Teile sind die Ordner in content/; bisher gibt es keine
hint-parts = Teile sind die Ordner in content/: { $parts }
new-kommune-exists = Die Kommune „{ $slug }“ gibt es schon ({ $name })
hint-new-kommune-exists = Ihre Datei ist data/kommunen/{ $slug }.yaml
new-indicator-exists = Den Indikator „{ $id }“ gibt es schon
hint-new-indicator-exists = Dem neuen einen anderen Titel geben
hint-known-ids-none = Bekannte Kennungen ({ $home }): noch keine
hint-known-ids = Bekannte Kennungen ({ $home }): { $ids }
new-list-in-brackets = Die Datei schreibt ihre Liste in eckigen Klammern („[…]“); konzept ergänzt Einträge nur in Listen mit einem „- “ pro Eintrag
new-list-on-one-line = „{ $key }:“ steht in einer Zeile („{ $rest }“); konzept ergänzt Einträge nur in Listen mit einem „- “ pro Zeile

## Ausgabeordner

output-old-not-removed = Die vorige Ausgabe { $dir } lässt sich nicht entfernen: { $reason }
hint-output-old-not-removed = Die neue Ausgabe ist an ihrem Platz; konzept versucht es beim nächsten Lauf wieder
output-waiting = Ein anderer konzept-Lauf schreibt gerade { $dir }; warten, bis er fertig ist …
output-litter-not-removed = { $dir }, übrig von einem früheren Lauf, lässt sich nicht entfernen: { $reason }
hint-output-tries-again = konzept versucht es beim nächsten Lauf wieder
output-is-project = { $dir } wird nicht beschrieben: Das ist der Projektordner (oder er liegt darin)
output-inside-sources = { $dir } wird nicht beschrieben: Der Ordner liegt in „{ $source }“ des Projekts
output-holds-sources = { $dir } wird nicht ersetzt: Er enthält „{ $source }“ und sieht nach Quellen aus
output-is-a-file = { $dir } wird nicht ersetzt: Das ist eine Datei, kein Ordner
output-not-ours = { $dir } wird nicht ersetzt: konzept hat diesen Ordner nicht angelegt (es fehlt die Datei { $marker })
hint-output-not-ours = Einen anderen Ausgabeordner wählen oder mit „--force“ trotzdem ersetzen
pdf-padded = { $doc }: { $pages ->
        [one] 1 Seite
       *[other] { $pages } Seiten
    } + { $pad ->
        [one] 1 Leerseite
       *[other] { $pad } Leerseiten
    } = { $total }
pdf-timing = PDF: { $doc }, beide Fassungen: typst { $typst } s, konzept { $own } s ({ $share } % der Arbeit)
pdf-progress = PDF: { $doc } ({ $variant ->
        [print] Druckdatei
       *[reader] Lesefassung
    }), { $pages ->
        [one] 1 Seite
       *[other] { $pages } Seiten
    }, { $seconds } s
pdf-progress-cached = PDF: { $doc } ({ $variant ->
        [print] Druckdatei
       *[reader] Lesefassung
    }) unverändert übernommen

## konzept serve: Statuszeilen

serve-cannot-listen = Auf { $addr } kann nicht gelauscht werden: Benutzt ein anderer Server den Port? „--port 0“ wählt einen freien
serve-public = Es wird auf { $addr } gelauscht: Andere Computer, die diesen erreichen, können die Website (mit ihren Entwürfen) öffnen
serve-url = Die Website läuft unter { $url }
serve-no-browser = Der Browser lässt sich nicht öffnen: { $detail }
serve-rebuilt = { $kind ->
        [full] Alles neu gebaut
       *[other] Kapitel neu gebaut
    }, { $pages ->
        [one] 1 Seite
       *[other] { $pages } Seiten
    } in { $ms } ms
serve-failed = { $errors ->
        [one] 1 Fehler
       *[other] { $errors } Fehler
    }; der Browser zeigt den letzten fehlerfreien Stand, bis sie behoben sind
serve-search-updated = Suchindex in { $seconds } s aktualisiert
serve-search-failed = Der Suchindex wurde nicht aktualisiert: { $detail }
serve-pdfs-ready = PDFs in { $seconds } s fertig
serve-pdfs-failed = Die PDFs wurden nicht neu gebaut ({ $errors ->
        [one] 1 Fehler
       *[other] { $errors } Fehler
    })
serve-pdfs-not-rebuilt = Die PDFs wurden nicht neu gebaut: { $detail }
interrupted = abgebrochen
## Akteure

measure-no-responsible = Die Maßnahme „{ $id }“ nennt keinen verantwortlichen Akteur
hint-measure-no-responsible = „verantwortlich: [Kennung]“ mit der Kennung eines Akteurs aus data/akteure.yaml ergänzen
offer-no-provider = Das Angebot „{ $title }“ nennt keinen Anbieter
hint-offer-no-provider = „anbieter:“ mit der Kennung eines Akteurs aus data/akteure.yaml ergänzen
akteur-kind-unknown = Unbekannte Art von Akteur „{ $kind }“
label-akteur-kind-unknown = keine bekannte Art
hint-akteur-kinds = Die Arten sind { $kinds }
akteur-no-kommune = Der Akteur „{ $id }“ nennt keine Kommune
hint-akteur-kreisweit = Für einen im ganzen Kreis tätigen Akteur „kommunen: [kreisweit]“ schreiben
hint-akteur-kreisweit-mixed = Ein Akteur ist entweder im ganzen Kreis tätig oder nennt seine Kommunen
akteur-same-name = Die Akteure „{ $first }“ und „{ $second }“ haben denselben Namen
hint-akteur-same-name = Leser können sie nicht unterscheiden; wenn beide „{ $name }“ sind, einen Eintrag behalten und auf seine Kennung verweisen
free-text = „{ $field }: { $text }“ nennt einen Akteur als freien Text
label-free-text = freier Text
hint-free-text-match = Das ist der Akteur „{ $id }“ („{ $name }“): { $list ->
        [yes] „{ $new }: [{ $id }]“
       *[other] „{ $new }: { $id }“
    } statt „{ $field }:“ schreiben
hint-free-text-similar = Meinten Sie den Akteur „{ $id }“ („{ $name }“)? Dann { $list ->
        [yes] „{ $new }: [{ $id }]“
       *[other] „{ $new }: { $id }“
    } statt „{ $field }:“ schreiben
hint-free-text-new = Sonst den Akteur mit „konzept new akteur“ anlegen und auf seine Kennung verweisen
hint-free-text-none = Den Akteur mit „konzept new akteur“ anlegen und { $list ->
        [yes] „{ $new }: [Kennung]“
       *[other] „{ $new }: Kennung“
    } statt „{ $field }:“ schreiben
## Robustheit: Teile laden, Hinweise, Obergrenzen

yaml-null-text = Erwartet wird ein Text, gefunden wurde nichts
hint-null-text = Den Text hinter den Doppelpunkt schreiben oder die Zeile entfernen
yaml-budget = Diese Datei ist zu groß oder zu tief verschachtelt, um sie zu lesen
hint-yaml-budget = Die Datei in kleinere aufteilen oder prüfen, ob Verweise („*name“) einander wiederholen
capped-summary = { $count ->
        [one] Ein weiteres Problem
       *[other] { $count } weitere Probleme
    } in dieser Datei werden nicht gezeigt ({ $errors ->
        [one] 1 Fehler
       *[other] { $errors } Fehler
    }, { $warnings ->
        [one] 1 Warnung
       *[other] { $warnings } Warnungen
    })
hint-capped = Oben stehen die ersten { $shown }; sie beheben und erneut prüfen – oft steckt derselbe Fehler in vielen Zeilen
hint-write-iso = „{ $iso }“ schreiben: Daten stehen als Jahr-Monat-Tag (Monate als Jahr-Monat)
hint-no-headings = Das Kapitel hat keine Überschriften, auf die verlinkt werden kann
hint-headings-there = Überschriften dort: { $anchors }
folder-unreadable = Der Ordner „{ $folder }“ kann nicht gelesen werden
hint-folder-unreadable = Seine Kapitel fehlen im Buch; die Rechte des Ordners prüfen (wer konzept startet, muss ihn lesen dürfen)
folder-is-link = Der Ordner „{ $folder }“ ist eine Verknüpfung zu einem anderen Ordner
hint-folder-is-link = konzept liest nur Ordner, die wirklich in content/ liegen; die Kapitel hierher verschieben statt den Ordner zu verknüpfen
folder-nested-part = Die Kapitel in „{ $folder }“ stehen nicht im Buch
label-folder-nested-part = ein Ordner in einem Teil
hint-folder-nested-part = Ein Teil ist ein Ordner direkt unter content/ und enthält keine weiteren Teile: die Dateien in den Ordner des Teils verschieben oder den Ordner als eigenen Teil unter content/ anlegen
config-bad-value = Der Wert von „{ $key }“ kann nicht verwendet werden: { $detail }
hint-config-bad-value = Text in geraden Anführungszeichen ("…") schreiben, Zahlen und true/false ohne; bis dahin gilt die Voreinstellung
new-list-does-not-load = { $file } lässt sich nicht vollständig laden, daher wurde nichts ergänzt (eine neue Kennung könnte eine wiederholen, die nicht geladen wurde):
hint-new-list-does-not-load = Zuerst die Datei korrigieren; „konzept check“ zeigt jedes Problem

## Druck: Farbprofil, CMYK und Preflight

config-profile-outside = „profile“ muss eine Datei im Projekt sein, gefunden wurde „{ $found }“
hint-profile-copy = Das ICC-Profil der Druckerei ins Projekt kopieren, z. B. „druckprofil/PSOcoated_v3.icc“
config-needs-beside = „{ $key }“ braucht daneben „{ $missing }“
hint-profile-condition = Die Druckerei nennt beides: die ICC-Profildatei und ihre Ausgabebedingung, z. B. „FOGRA51“
config-max-ink = „max_ink“ muss zwischen 100 und 400 % liegen, gefunden wurde „{ $found }“
hint-max-ink = Druckereien erlauben 300 % auf gestrichenem Papier und 260–280 % auf ungestrichenem
config-paper-thickness = „paper_thickness_mm“ muss zwischen 0,03 und 1 liegen, gefunden wurde „{ $found }“
hint-paper-thickness = Offsetpapier mit 80 g/m² ist etwa 0,1 mm dick; das Datenblatt der Druckerei nennt den Wert
svg-cmyk-changed = Das SVG „{ $src }“ lässt sich nicht wie gezeichnet in CMYK drucken: Es enthält { $kind ->
        [gradient] einen Farbverlauf (gedruckt in seiner mittleren Farbe)
        [filter] einen Filtereffekt (ohne ihn gezeichnet)
        [image] ein eingebettetes Bild (weggelassen)
        [clip] einen Beschneidungspfad (unbeschnitten gezeichnet)
       *[mask] eine Maske (ohne sie gezeichnet)
    }
label-changed-in-print = in der Druckdatei verändert
hint-svg-check-print = Diese Abbildung in der Druckdatei prüfen oder das SVG vereinfachen
svg-not-cmyk = Das SVG „{ $src }“ lässt sich für die Druckdatei nicht in CMYK umrechnen: { $detail }
image-not-cmyk = Das Bild „{ $src }“ lässt sich für die Druckdatei nicht in CMYK umrechnen: { $detail }
profile-unusable = Das Farbprofil „{ $file }“ kann nicht verwendet werden: { $reason }
hint-profile-supply = Das CMYK-ICC-Profil angeben, das die Druckerei liefert (z. B. PSO Coated v3), als Datei im Projekt
preflight-error = Preflight der Druckdatei: { $text }
preflight-error-page = Preflight der Druckdatei, Seite { $page }: { $text }
hint-preflight-report = Der vollständige Bericht steht in preflight.txt neben den Druckdateien
reason-not-icc = Das ist kein ICC-Profil ({ $detail })
reason-not-cmyk-profile = Das ist kein CMYK-Profil
reason-lcms = Little CMS kann es nicht verwenden ({ $detail })
## Sprachen ([[languages]]) und Übersetzungen (translations/*.po)

languages-invalid = „[[languages]]“ lässt sich nicht lesen: { $detail }
hint-languages-invalid = Jeder Eintrag „[[languages]]“ hat „code“ und „name“, dazu wahlweise „dir“, „units“ und „threshold“
language-bad-code = „{ $code }“ ist kein Sprachcode
label-language-bad-code = Erwartet wird ein Code nach BCP 47
hint-language-bad-code = Den Code wie „uk“, „ar“, „fa“ oder „pt-BR“ schreiben: zwei oder drei Buchstaben für die Sprache, wahlweise mit Region oder Schrift
language-is-source = „{ $code }“ ist die Sprache der Quellen
hint-language-is-source = Nur die Sprachen aufführen, in die die Kurzfassung übersetzt wird
language-twice = Die Sprache „{ $code }“ steht zweimal in der Liste
hint-language-twice = Einen der beiden Einträge „[[languages]]“ entfernen
language-empty-name = Die Sprache „{ $code }“ hat einen leeren Namen („name“)
hint-language-empty-name = Den Namen der Sprache in ihrer eigenen Schrift schreiben, z. B. „Українська“ oder „العربية“
language-no-name = Die Sprache „{ $code }“ hat keinen Namen („name“)
hint-language-no-name = „name = "…"“ mit dem Namen der Sprache in ihrer eigenen Schrift ergänzen, z. B. „Українська“
language-bad-dir = Unbekannte Schreibrichtung „{ $dir }“
hint-language-bad-dir = „ltr“ (von links nach rechts) oder „rtl“ (von rechts nach links) schreiben oder „dir“ weglassen: konzept kennt die Richtung aus dem Code
language-bad-unit = Unbekannte Textart „{ $unit }“ in „units“
hint-language-units = Möglich sind: { $kinds }
language-bad-threshold = „threshold“ muss ein Prozentwert von 0 bis 100 sein, gefunden wurde „{ $value }“
hint-language-bad-threshold = Zum Beispiel „threshold = 90“: Die Sprache wird veröffentlicht, wenn 90 % ihrer Texte übersetzt und aktuell sind
language-below-threshold = Die Sprache „{ $code }“ wird nicht veröffentlicht: { $percent } % ihrer Texte sind übersetzt und aktuell, die Schwelle liegt bei { $threshold } %
hint-language-below-threshold = Den Rest in { $file } übersetzen oder „threshold“ für diese Sprache senken
po-unreadable = Die Übersetzung lässt sich nicht lesen: { $reason }
po-not-utf8 = Die Datei ist kein UTF-8-Text
hint-po-not-utf8 = Die PO-Datei als UTF-8 speichern (Poedit tut das von sich aus)
po-invalid = Die PO-Datei lässt sich nicht lesen: { $detail }
hint-po-invalid = Die Datei in Poedit öffnen oder die Zeile korrigieren; „konzept translations update“ schreibt eine lesbare Datei neu
po-outdated = Die Übersetzung von „{ $key }“ ist veraltet
label-po-outdated = Der deutsche Text wurde geändert, seit er übersetzt wurde
hint-po-outdated = Der deutsche Text steht in { $source }; „konzept translations update“ ausführen, die Übersetzung überarbeiten und die Markierung „fuzzy“ entfernen
po-missing-many = { $count ->
        [one] Ein Text
       *[other] { $count } Texte
    } von { $total } { $count ->
        [one] ist
       *[other] sind
    } noch nicht in die Sprache „{ $code }“ übersetzt
hint-po-missing-status = „konzept translations status“ listet sie mit Datei und Zeile auf
hint-po-missing-create = „konzept translations update“ legt { $file } für die Übersetzerin oder den Übersetzer an
po-missing = „{ $key }“ ist noch nicht übersetzt
hint-po-missing = Der deutsche Text steht in { $source }; Leserinnen und Leser sehen ihn auf Deutsch mit einem Hinweis
translations-fix-first = Zuerst diese Fehler beheben; keine Übersetzungsdatei wurde geändert
translations-no-languages = book.toml führt keine „[[languages]]“ auf; nichts zu aktualisieren
translations-updated = { $how ->
        [created] angelegt
        [unchanged] unverändert
       *[updated] aktualisiert
    }: { $count ->
        [one] 1 Text
       *[other] { $count } Texte
    } ({ $current } übersetzt, { $missing } fehlen, { $outdated } zu überprüfen)
translations-col-language = Sprache
translations-col-texts = Texte
translations-col-translated = übersetzt
translations-col-missing = fehlen
translations-col-outdated = veraltet
translations-col-published = veröffentlicht
translations-published-yes = ja
translations-published-no = nein (Schwelle { $threshold } %)
translations-item-missing = fehlt
translations-item-outdated = veraltet
translations-item = { $key } (Deutsch: { $source })

## Umgebung: Ordner, Dateien und Programme außerhalb der Quellen

env-create-folder = Der Ordner „{ $dir }“ kann nicht angelegt werden
env-create-file = Die Datei „{ $file }“ kann nicht angelegt werden
env-write-file = Die Datei „{ $file }“ kann nicht geschrieben werden
env-file-exists = Die Datei „{ $file }“ gibt es schon; konzept überschreibt nie eine Datei
env-staging-folder = In „{ $dir }“ kann kein Zwischenordner angelegt werden
env-work-folder = In „{ $dir }“ kann kein Arbeitsordner angelegt werden
env-output-not-moved-in = Die neue Ausgabe kann nicht nach „{ $dir }“ verschoben werden
env-output-old-not-moved = Die bisherige Ausgabe „{ $dir }“ kann nicht beiseitegeschoben werden
env-lock-file = Die Sperrdatei „{ $file }“ kann nicht angelegt werden
env-lock = Die Sperrdatei „{ $file }“ kann nicht gesperrt werden
env-theme-file-gone = Die Theme-Datei „{ $file }“ kann nicht mehr gelesen werden
env-move-into-site = „{ $file }“ kann nicht in die Website verschoben werden
env-project-folder = Der Projektordner „{ $dir }“ kann nicht geöffnet werden
env-watch-project = Der Projektordner kann nicht auf Änderungen überwacht werden
env-watch = „{ $dir }“ kann nicht auf Änderungen überwacht werden
env-web-server = Der Webserver kann nicht gestartet werden
env-rebuild-thread = Das Neuerstellen bei Änderungen kann nicht gestartet werden
env-background-thread = Die Arbeit im Hintergrund (PDFs und Suchindex) kann nicht gestartet werden
env-search-start = Das Erstellen des Suchindex kann nicht gestartet werden
env-search-index = Fehler beim Erstellen des Suchindex: { $detail }
env-search-index-page = Fehler beim Erstellen des Suchindex, Seite „{ $file }“: { $detail }
env-search-crashed = Das Erstellen des Suchindex ist unerwartet abgebrochen
env-search-old-not-moved = Der alte Suchindex kann nicht beiseitegeschoben werden
env-search-new-not-moved = Der neue Suchindex kann nicht an seinen Platz verschoben werden
env-ctrlc = Das Abbrechen mit Strg+C lässt sich nicht einrichten: { $detail }
env-today-not-a-date = Die Umgebungsvariable { $var } enthält „{ $value }“, kein Datum wie „2025-02-17“
env-typst-timeout-not-number = Die Umgebungsvariable { $var } muss eine ganze Zahl von Sekunden sein, gefunden wurde „{ $found }“
env-typst-timeout-zero = Die Zeitgrenze für typst muss mindestens eine Sekunde betragen
hint-typst-choose = Beim Aufruf „--typst PFAD“ angeben oder die Umgebungsvariable { $var } setzen
env-typst-flag = Das mit „--typst“ genannte Programm „{ $path }“ { $why }
env-typst-env = Das mit { $var } genannte Programm „{ $path }“ { $why }
env-typst-tried = „{ $path }“ { $why }
env-typst-missing = Für die PDFs braucht konzept typst { $version }, aber: { $tried }
env-typst-not-installed = Für die PDFs braucht konzept typst { $version }, aber typst ist nicht installiert
typst-why-missing = gibt es nicht
typst-why-cannot-run = lässt sich nicht starten ({ $detail })
typst-why-version = meldet „{ $found }“ statt typst { $version }
typst-why-no-version = meldet keine Version statt typst { $version }
hint-typst-install = typst { $version } mit „./scripts/install-deps“ installieren (oder mit „cargo install typst-cli --locked --version { $version }“)
hint-typst-no-pdf = Oder nur die Website erstellen: „konzept build --no-pdf“
env-typst-cannot-run = Das Programm „{ $program }“ lässt sich nicht starten
env-typst-wait = konzept kann nicht auf das Ende von typst warten
env-typst-no-output = typst hat „{ $file }“ nicht geschrieben
env-pdf-not-finished = Die Druckdatei „{ $file }“ kann nicht fertiggestellt werden: { $detail }
env-pdf-no-page-count = Die Seiten von „{ $file }“ lassen sich nicht zählen
env-pdf-not-read-back = „{ $file }“ lässt sich zur Prüfung nicht wieder einlesen: { $detail }
