# konzept – messages in English (follows de.ftl id by id).

## Frame of the output

severity-error = error
severity-warning = warning
hint-line = hint: { $hint }
summary-problems = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
untranslated = { $text }

## Common hints

hint-did-you-mean = did you mean `{ $name }`?
hint-save-utf8 = save the file as UTF-8 in your editor ("Kodierung: UTF-8")

## Reading files

file-unreadable = cannot read the file: { $reason }
io-not-found = it does not exist
io-permission-denied = permission denied
io-is-a-folder = it is a folder, not a file
io-other = { $detail }

## Chapters: field of action, images, HTML

chapter-unknown-field-of-action = unknown field of action `{ $id }`
hint-fields-of-action-home = fields of action are defined in data/handlungsfelder.yaml
image-no-alt = the image `{ $src }` has no alt text
hint-image-alt = describe the image between the brackets: `![Zeitleiste des Beteiligungsprozesses](bild.svg)`
image-missing = the image `{ $src }` does not exist
hint-image-looked-for = the path is relative to the chapter; konzept looked for { $path }
image-wrong-format = the image `{ $src }` is not SVG, PNG or JPEG
hint-image-save-as = save the picture as SVG, PNG or JPEG (the PDFs cannot embed other formats)
image-svg-unusable = the SVG image `{ $src }` cannot be used: { $reason }
hint-svg-save-again = open it in a drawing program and save it again as plain SVG
image-remote = the image `{ $src }` is on another server
hint-image-remote = save it in the project next to the chapter, so the site and the PDFs can use it
raw-html-cleaned = raw HTML is removed or cleaned
hint-raw-html = write Markdown instead; `allow_html = true` in book.toml keeps more elements (video, frames) and silences this warning, but never scripts
in-text-of = { $message } (in the text of `{ $id }`)

## SVG images

svg-compressed = the file is compressed (SVGZ); save it as plain SVG
svg-not-utf8 = the file is not UTF-8 text, so it is no SVG
svg-not-xml = the file is not well-formed XML: { $detail }
svg-wrong-root = the file's root element is `<{ $element }>`, not `<svg>`
svg-unreadable = the drawing cannot be read: { $detail }

## Links

link-unknown-kind = unknown link kind `{ $prefix }:`
hint-link-kind-did-you-mean = did you mean `{ $name }:`? Link kinds: { $kinds }
hint-link-kinds = link kinds: { $kinds }
link-target-missing = the link target `{ $dest }` does not exist
hint-no-record-with-id = no { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [kommune] municipality
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kapitel] chapter
       *[other] record
    } has the id `{ $id }`
link-chapter-no-heading = the chapter `{ $chapter }` has no heading `#{ $anchor }`
hint-heading-id = link to a heading by its id; give a heading an id with `## Ziele {"{"}#ziele{"}"}`
link-no-heading-here = this chapter has no heading `#{ $anchor }`
hint-heading-id-or-link = give the heading an id with `## Ziele {"{"}#ziele{"}"}`, or correct the link
hint-link-forms = link to chapters with `kapitel:slug` and to records with e.g. `empfehlung:SB-1`; files are relative to the chapter

## Listing blocks (```konzept)

listing-empty = the listing block is empty
listing-unknown = unknown listing `{ $call }`
listing-expected-pair = expected `name=value`, found `{ $found }`
listing-unknown-argument = the listing `{ $call }` has no argument `{ $name }`
listing-names-nothing = `{ $name }={ $value }` names nothing that exists
hint-listing-spelling = check the spelling of `{ $value }` against the ids in data/
hint-listing-one-call = write one call per block, e.g. `empfehlungen handlungsfeld=sprache-bildung`

## konzept serve: error overlay in the browser

serve-errors-title = The sources contain errors
serve-errors-note = The page shows the last state without errors. This notice disappears as soon as the errors are fixed.
serve-pdf-building = rebuilding the PDF …
serve-pdf-ready = the PDF is up to date
serve-pdf-failed = the PDF could not be made

## YAML files

yaml-unknown-field = unknown field `{ $field }`

## Command line: status lines

cli-not-a-date = `{ $value }` is not a date like `2025-02-17`
build-failed = { $summary }; nothing was written
build-done = built { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    }) into { $out } in { $seconds } s
init-done = created a new project in { $dir } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    })
init-next = next: cd { $dir } && konzept serve --open
new-created = created { $file } (`{ $id }`)
new-added = added `{ $id }` to { $file }:{ $line }
yaml-expected-found = expected { $expected ->
        [integer] a whole number
        [number] a number
        [list] a list (`[a, b]` or lines starting with `- `)
        [text] a text
        [boolean] `true` or `false`
        [fields] fields (`name: value` lines)
       *[other] another value
    }, found `{ $found }`
yaml-expected-kind = expected { $expected ->
        [integer] a whole number
        [number] a number
        [list] a list (`[a, b]` or lines starting with `- `)
        [text] a text
        [boolean] `true` or `false`
        [fields] fields (`name: value` lines)
       *[other] another value
    }, found { $kind }
hint-digits-only = write digits only, without dots or spaces
hint-field-did-you-mean = did you mean `{ $name }`? Fields here: { $fields }
hint-fields-here = fields here: { $fields }
yaml-missing-field = the required field `{ $field }` is missing
hint-add-field = add `{ $field }:` to this record
yaml-value-not-allowed = `{ $value }` is not an allowed value here
hint-value-did-you-mean = did you mean `{ $name }`? Allowed: { $allowed }
hint-allowed-values = allowed values: { $allowed }
yaml-expected-boolean = expected `true` or `false`
hint-boolean = write `true` or `false`; `ja`, `nein`, `yes` and `no` are not accepted
yaml-duplicate-key = the field `{ $field }` is written twice
hint-remove-one-line = remove one of the two lines
yaml-invalid = this is not valid YAML: { $detail }
hint-yaml-invalid = check the indentation and that text containing `: ` or starting with a special character is in quotes
hint-typographic-quotes = typographic quotes „…“ are text to YAML, not quotes: put straight double quotes around the whole value, e.g. `{ $example }`

## Invisible characters and pasted text

invisible-char = a { $kind ->
        [nbsp] non-breaking space
        [narrow-nbsp] narrow non-breaking space
        [typographic-space] typographic space
        [zwsp] zero-width space
        [zwnj] zero-width non-joiner
        [zwj] zero-width joiner
        [word-joiner] word joiner
        [bom] byte order mark
        [tab] tab
       *[other] invisible character
    } (U+{ $code }) { $place ->
        [indent] in the indentation
        [dash] after the list dash `-`
        [key] in the field name
       *[colon] after the colon
    }
invisible-label = { $kind ->
        [nbsp] non-breaking space
        [narrow-nbsp] narrow non-breaking space
        [typographic-space] typographic space
        [zwsp] zero-width space
        [zwnj] zero-width non-joiner
        [zwj] zero-width joiner
        [word-joiner] word joiner
        [bom] byte order mark
        [tab] tab
       *[other] invisible character
    }
hint-tab-in-yaml = YAML is indented with spaces only: replace the tab by spaces
hint-invisible-replace = replace it by a normal space; it often comes along when text is copied from Word or a web page
yaml-comment-cuts = `{ $lost }` is read as a YAML comment and left out of the text
label-left-out = left out
hint-quote-whole-value = put the whole value in double quotes: `{ $example }`
word-bullet = a bullet `{ $bullet }` pasted from a word processor
label-not-a-list = not a Markdown list
hint-word-bullet = start list items with `- ` instead of `{ $bullet }`, one per line, with an empty line before the list
image-path-space = this image is not shown: its path contains a space
label-path-space = path with a space
hint-path-space = write the path in angle brackets, `(<{ $path }>)`, or rename the file without spaces
hint-path-read-as = the path is read as `{ $path }`
placeholder-left = a placeholder is still here: `{ $text }`
label-placeholder = placeholder
hint-placeholder = replace it by the real text; the site and the PDFs would print it as it is

## Chapters and files

content-missing = the folder `content/` is missing
hint-content-missing = chapters are Markdown files in content/
chapter-slug-twice = two chapters have the slug `{ $slug }`
hint-chapter-slug-twice = the other one is { $other }; rename one of the files
special-page-twice = a second page of this kind
hint-special-page-twice = { $other } already has it; a publication has one of each special page
file-is-a-part = this file names a part, not a chapter
file-not-utf8 = the file is not UTF-8 text
file-name-not-slug = the file name `{ $name }` cannot be used in a web address
hint-slug-example = use lower-case letters, digits and hyphens, e.g. `{ $example }`
frontmatter-missing = the chapter does not start with front matter
hint-frontmatter-missing = begin the file with a line `---`, then `title: …`, then another line `---`
frontmatter-not-closed = the front matter is not closed
label-opened-here = opened here
hint-frontmatter-not-closed = add a line `---` after the last front-matter field (`title:`, `summary:` …)
data-file-missing = `{ $file }` is missing
hint-data-file-missing = every publication needs this file; `konzept init` shows its form
path-outside = `{ $path }` leads outside the project (to `{ $target }`)
hint-path-outside = konzept reads only files inside the project folder; put a copy of the file here instead of a link

## book.toml

config-unreadable = cannot read `book.toml`: { $reason }
hint-config-unreadable = every konzept project has a book.toml at its root; `konzept init DIR` creates one
config-not-a-date = `{ $key }` must be a date like `{ $example }`, found `{ $found }`
hint-date-order = write the date as year-month-day
config-folder-outside = `{ $key }` must be a folder inside the project, found `{ $found }`
hint-folder-relative = use a relative name such as `{ $example }`, or pass `{ $option } DIR` on the command line
config-theme-name = `theme` must be the name of a theme, found `{ $found }`
hint-theme-name = write `default`, or the name of a folder in the project's `themes/`, e.g. `kreis` for themes/kreis/
config-typst = book.toml cannot choose the typst program, found `{ $found }`
label-config-typst = a project file must not name a program to run
hint-config-typst = remove this line; the person running konzept chooses typst with `--typst PATH` or KONZEPT_TYPST
config-bleed = `bleed_mm` must be between 0 and 10, found `{ $found }`
hint-bleed = print shops usually ask for 3 mm
config-paper = unknown paper size `{ $found }`
hint-paper = use `a4`, `a5` or `a6`
config-scheme = the scheme `{ $scheme }` cannot be allowed
hint-scheme-name = write the scheme's name without `:` or `//`, e.g. `webcal`
hint-scheme-never = links with this scheme can run code or read files in the reader's browser; konzept never writes them
config-years = `first_year` comes after `last_year`
config-unknown-key = unknown key `{ $key }`
label-unknown-key = konzept does not know this setting
hint-known-keys = known keys here: { $keys }
config-missing-key = the required key `{ $key }` is missing
hint-add-key = add a line such as `{ $key } = "…"`
config-invalid = book.toml is not valid: { $detail }
hint-toml-syntax = book.toml uses TOML syntax: `key = "value"`, sections in [brackets]

## Records: ids and references

id-not-slug = the id `{ $id }` cannot be used in a web address
hint-slug-chars = use lower-case letters, digits and hyphens
id-invalid = the { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
       *[other] record
    } id `{ $id }` cannot be used in a web address
label-id-invalid = not a valid id
hint-id-form = an id starts with a letter or digit and has only letters, digits, `-` and `_` (at most { $max } characters), e.g. `M-017`
id-twice = the { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
       *[other] record
    } id `{ $id }` is used twice
id-twice-case = the { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
       *[other] record
    } id `{ $id }` is used twice: `{ $other }` differs only in capitals
label-second-use = second use
hint-id-first-use = it is first used on line { $line }; give this record a new id
hint-id-case = `{ $other }` is on line { $line }; both would get the same web address, so give this record a new id
ref-unknown = unknown { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
       *[other] record
    } `{ $id }`
label-ref-unknown = no { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
       *[other] record
    } has this id
hint-ref-home = { $kind ->
        [empfehlung] recommendations are
        [massnahme] measures are
        [handlungsfeld] fields of action are
        [zielgruppe] focus groups are
        [indikator] indicators are
        [kommune] municipalities are (one file each)
       *[other] records are
    } defined in { $home }
id-prefix = the id `{ $id }` does not start with `{ $prefix }-`
hint-id-prefix = recommendations of „{ $title }“ usually have ids like `{ $prefix }-1`
measure-no-kommune = the measure `{ $id }` names no municipality
hint-kreisweit = write `kommunen: [kreisweit]` for a district-wide measure
measure-kreisweit-mixed = `kreisweit` together with single municipalities
hint-kreisweit-mixed = a measure is either district-wide or names its municipalities
period-reversed = the period ends (`{ $bis }`) before it begins (`{ $von }`)
hint-period-reversed = swap `von` and `bis`, or correct the year
history-order = the history of `{ $id }` is not in date order
hint-history-order = list the status changes from the oldest to the newest
history-status = the history of `{ $id }` ends with `{ $last }`, but its status is `{ $status }`
hint-history-status = add the current status as the last entry of `verlauf`
expected-month = expected a year and month like `2025-03`, found `{ $found }`
hint-month = write the month as year-month, e.g. `2026-12`
expected-date = expected a date like `{ $example }`, found `{ $found }`
language-unknown = unknown language code `{ $code }`
hint-language-codes = use ISO 639-1 codes such as `de`, `uk`, `ar`, `ro`
url-no-scheme = the web address `{ $url }` must start with https://
hint-url-copy = copy the full address from the browser's address bar
offer-unreachable = the offer `{ $title }` has neither `kontakt` nor `url`
hint-offer-unreachable = readers need a way to reach the offer: add `kontakt:` or `url:`

## Headings and summaries

heading-level-one = the heading `{ $text }` is on level 1, like the title
hint-heading-level-one = the title is the page's only level-1 heading; start sections with `## `
heading-skips = the heading `{ $text }` skips a level: level { $level } follows level { $prev }
label-heading-expected = expected `{ $hashes }` here
hint-heading-skips = screen readers, the PDF's bookmarks and its accessibility tags follow heading levels; write `#` one more than the heading above
summary-empty = the `summary` is empty
hint-summary-empty = write two to five sentences that read well on their own; the short version (Kurzfassung) and the page description are made from them
summary-missing = the chapter has no `summary`
hint-summary-missing = add `summary:` to the front matter with two to five sentences; the short version (Kurzfassung) and the page description are made from them

## Fonts in the PDFs

control-char = invisible control character U+{ $code } in the text{ $more ->
        [0] {""}
        [one] {" "}(and 1 more time in this file)
       *[other] {" "}(and { $more } more times in this file)
    }
label-control-char = control character
hint-control-char = delete it; it often comes along when text is copied from another program
no-font = the PDFs have no font for `{ $char }` (U+{ $code }){ $more ->
        [0] {""}
        [one] {" "}(and 1 more time in this file)
       *[other] {" "}(and { $more } more times in this file)
    }
label-no-font = no font for this character
hint-no-font = the site shows it, the PDFs print `[U+{ $code }]` instead; replace it or add a font that has it to themes/<theme>/print/fonts/

## Print theme and images in print

builtin-theme-file = built-in theme: { $path }
theme-toml-missing = the print theme has no `theme.toml`
hint-theme-toml-missing = copy print/theme.toml from konzept's default theme
theme-toml-invalid = theme.toml is not valid: { $detail }
palettes-missing = theme.toml needs an `[rgb]` and a `[cmyk]` palette
hint-palettes-missing = the reader PDFs use [rgb], the print-shop files [cmyk]
cmyk-invalid = the CMYK colour `{ $name }` must be four percentages, found `{ $found }`
hint-cmyk-invalid = write cyan, magenta, yellow and black from 0 to 100, e.g. `accent = [100, 40, 0, 10]`
cmyk-too-much-ink = the CMYK colour `{ $name }` uses { $total } % ink, more than { $max } %
label-too-much-ink = too much ink for offset printing
hint-too-much-ink = lower cyan, magenta or yellow; print shops allow at most 300 % total ink (ISO Coated v2 300 %)
colour-only-in = the colour `{ $name }` is in [{ $palette }] but not in [{ $other }]
hint-both-palettes = every colour needs a value in both palettes
rgb-invalid = the RGB colour `{ $name }` must look like `#1d5e8c`, found `{ $found }`
image-unreadable-raster = the image `{ $src }` is not a readable PNG or JPEG file
hint-image-save-again = open it in an image program and save it again as PNG or JPEG
image-low-ppi = the image `{ $src }` has only { $ppi } ppi at its printed { $what ->
        [width] width
       *[height] height
    } of { $mm } mm ({ $doc })
hint-image-low-ppi = print shops need at least { $min } ppi: supply it with at least { $needed } pixels { $what ->
        [width] width
       *[height] height
    }, or as SVG
