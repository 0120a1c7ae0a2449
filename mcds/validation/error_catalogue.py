"""The error catalogue: every finding code with its severity, bilingual title, explanation, message and fix.

Codes of problems with the input itself are defined here; codes of Frictionless' own checks keep
Frictionless' names (so that findings agree with plain `frictionless validate`) and get their bilingual texts
here; the codes of MCDS' own checks are defined by their error classes in mcds/validation/checks/. The
portal's error-catalogue page is rendered from `entries()`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from mcds.i18n import in_language
from mcds.util import limits
from mcds.validation.checks import all_error_classes
from mcds.validation.entry import Entry, entry
from mcds.validation.findings import ERROR, WARNING, Finding

INPUT = "input"
STRUCTURE = "structure"

_INPUT_ENTRIES = [
    entry("file-not-found", ERROR, INPUT, ("File not found", "Fichier introuvable"),
          ("The path given does not exist or cannot be read.", "Le chemin donné n'existe pas ou ne peut pas être lu."),
          ("{path} does not exist or cannot be read.", "{path} n'existe pas ou ne peut pas être lu."),
          ("Check the path and the file's permissions.", "Vérifiez le chemin et les permissions du fichier.")),
    entry("unsupported-input", ERROR, INPUT, ("Unsupported input", "Entrée non prise en charge"),
          ("MCDS validates a data-package folder, a datapackage.json, a .zip of a package, a filled Excel template "
           "(.xlsx) or a JSON document.",
           "La NPDM valide un dossier de paquet de données, un datapackage.json, un .zip de paquet, un gabarit Excel "
           "rempli (.xlsx) ou un document JSON."),
          ("{path} is not a data package, .zip, .xlsx or .json file.",
           "{path} n'est ni un paquet de données, ni un fichier .zip, .xlsx ou .json."),
          ("Give the folder that holds datapackage.json, or one of the accepted files.",
           "Donnez le dossier qui contient datapackage.json, ou l'un des fichiers acceptés.")),
    entry("missing-descriptor", ERROR, INPUT, ("No datapackage.json", "Aucun datapackage.json"),
          ("A submission folder must hold the package descriptor datapackage.json.",
           "Un dossier de soumission doit contenir le descripteur de paquet datapackage.json."),
          ("{path} has no datapackage.json.", "{path} n'a pas de datapackage.json."),
          ("Copy schema/generated/datapackage.json into the folder, beside your CSV files.",
           "Copiez schema/generated/datapackage.json dans le dossier, à côté de vos fichiers CSV.")),
    entry("invalid-descriptor", ERROR, INPUT, ("Unreadable datapackage.json", "datapackage.json illisible"),
          ("The package descriptor must be a JSON object with a list of resources.",
           "Le descripteur de paquet doit être un objet JSON avec une liste de ressources."),
          ("datapackage.json cannot be used: {reason}.", "datapackage.json est inutilisable : {reason}."),
          ("Start again from schema/generated/datapackage.json and change only the name, title and description.",
           "Repartez de schema/generated/datapackage.json et ne changez que le nom, le titre et la description.")),
    entry("unknown-standard-version", ERROR, INPUT, ("Unknown standard version", "Version de la norme inconnue"),
          ("A submission declares the MCDS version it follows in datapackage.json (mcds.standard_version).",
           "Une soumission déclare dans datapackage.json (mcds.standard_version) la version de la NPDM qu'elle suit."),
          ("The submission declares standard version \"{value}\", which is not a released version ({expected}).",
           "La soumission déclare la version « {value} » de la norme, qui n'est pas une version publiée ({expected})."),
          ("Set mcds.standard_version to a released version.", "Donnez à mcds.standard_version une version publiée."),
          variants={  # declared in the submission table (a workbook's sheet, a CSV file or a JSON document)
              "in-table": (("The submission declares standard version \"{value}\", which is not a released version "
                            "({expected}).",
                            "La soumission déclare la version « {value} » de la norme, qui n'est pas une version publiée "
                            "({expected})."),
                           ("Write a released version in this cell, for example {latest}.",
                            "Inscrivez une version publiée dans cette cellule, par exemple {latest}.")),
          }),
    entry("newer-version", WARNING, INPUT, ("Newer version of the standard", "Version plus récente de la norme"),
          ("A submission is checked against the release it declares; a newer release may add or change elements.",
           "Une soumission est vérifiée selon la version qu'elle déclare; une version plus récente peut ajouter ou "
           "modifier des éléments."),
          ("The submission follows version {value} of the standard; version {latest} is available.",
           "La soumission suit la version {value} de la norme; la version {latest} est offerte."),
          ("Read the changelog, then run `mcds migrate` to move to {latest}.",
           "Lisez le journal des modifications, puis lancez `mcds migrate` pour passer à {latest}.")),
    entry("unsafe-path", ERROR, INPUT, ("Path outside the package", "Chemin hors du paquet"),
          ("Every file of a package must be inside the package folder: no \"..\", absolute path, web address or "
           "symbolic link.",
           "Chaque fichier d'un paquet doit être dans le dossier du paquet : ni « .. », ni chemin absolu, ni adresse "
           "Web, ni lien symbolique."),
          ("The path \"{value}\" leaves the package and was not read.",
           "Le chemin « {value} » sort du paquet et n'a pas été lu."),
          ("Put the file in the package folder and give its plain name, for example microcredentials.csv.",
           "Placez le fichier dans le dossier du paquet et donnez son simple nom, par exemple microcredentials.csv.")),
    entry("unsafe-archive", ERROR, INPUT, ("Unsafe or oversized archive", "Archive dangereuse ou trop volumineuse"),
          ("A .zip must not hold entries that escape its folder, links, or more than the size limit once expanded.",
           "Un .zip ne doit pas contenir d'entrées qui sortent de son dossier, de liens, ni dépasser la taille limite "
           "une fois décompressé."),
          ("The archive was refused: {reason}.", "L'archive a été refusée : {reason}."),
          ("Zip the package folder again with plain files only.",
           "Compressez de nouveau le dossier du paquet avec des fichiers ordinaires seulement.")),
    entry("missing-table", ERROR, INPUT, ("Missing table", "Table manquante"),
          ("The tables submission and organizations must be present.",
           "Les tables submission et organizations doivent être présentes."),
          ("The table {value} is missing.", "La table {value} est manquante."),
          ("Add {value}.csv from the templates and fill it in.",
           "Ajoutez {value}.csv à partir des gabarits et remplissez-le."),
          variants={  # in a workbook
              "sheet": (("The sheet {value} is missing.", "La feuille {value} est manquante."),
                        ("Copy the sheet {value} from the Excel template into your workbook and fill it in.",
                         "Copiez la feuille {value} du gabarit Excel dans votre classeur et remplissez-la.")),
          }),
    entry("unknown-table", WARNING, INPUT, ("Unknown table", "Table inconnue"),
          ("A file or sheet that is not a table of the standard is not read.",
           "Un fichier ou une feuille qui n'est pas une table de la norme n'est pas lu."),
          ("\"{value}\" is not a table of the standard and was not read.{suggestion}",
           "« {value} » n'est pas une table de la norme et n'a pas été lu.{suggestion}"),
          ("Rename it to the table it holds, or remove it.", "Renommez-le selon la table qu'il contient, ou retirez-le.")),
    entry("empty-file", ERROR, INPUT, ("Empty file", "Fichier vide"),
          ("A table file must at least hold its header row.", "Un fichier de table doit au moins contenir sa ligne d'en-tête."),
          ("The file is empty.", "Le fichier est vide."),
          ("Start again from the template, which has the header row.",
           "Repartez du gabarit, qui contient la ligne d'en-tête.")),
    entry("binary-file", ERROR, INPUT, ("Not a text file", "Pas un fichier texte"),
          ("A CSV table is plain text; this file holds binary data.",
           "Une table CSV est du texte brut; ce fichier contient des données binaires."),
          ("The file is not text (it looks like {reason}).", "Le fichier n'est pas du texte (il ressemble à {reason})."),
          ("Export the sheet as \"CSV UTF-8\" from your spreadsheet, or validate the .xlsx file itself.",
           "Exportez la feuille en « CSV UTF-8 » depuis votre tableur, ou validez directement le fichier .xlsx.")),
    entry("not-utf8", ERROR, INPUT, ("Not UTF-8", "Pas en UTF-8"),
          ("CSV files must be encoded in UTF-8 so that accents survive.",
           "Les fichiers CSV doivent être encodés en UTF-8 pour que les accents soient conservés."),
          ("The file is not UTF-8 (byte {position}); it looks like {reason}.",
           "Le fichier n'est pas en UTF-8 (octet {position}); il semble être en {reason}."),
          ("In Excel, use File > Save As > \"CSV UTF-8 (comma delimited)\".",
           "Dans Excel, utilisez Fichier > Enregistrer sous > « CSV UTF-8 (délimité par des virgules) ».")),
    entry("wrong-delimiter", ERROR, INPUT, ("Wrong delimiter", "Mauvais séparateur"),
          ("Columns of a CSV file are separated by commas.", "Les colonnes d'un fichier CSV sont séparées par des virgules."),
          ("The columns are separated by \"{value}\", not commas.", "Les colonnes sont séparées par « {value} », pas par des virgules."),
          ("Save the file again as \"CSV UTF-8 (comma delimited)\".",
           "Enregistrez de nouveau le fichier en « CSV UTF-8 (délimité par des virgules) ».")),
    entry("cell-too-large", ERROR, INPUT, ("Cell too large", "Cellule trop grande"),
          (f"A cell may hold at most {limits.CELL_CHARACTERS} characters.",
           f"Une cellule peut contenir au plus {limits.CELL_CHARACTERS} caractères."),
          ("A cell holds more than {limit} characters; the file was not read further.",
           "Une cellule contient plus de {limit} caractères; le fichier n'a pas été lu plus loin."),
          ("Shorten the text, or check for a missing closing quote.",
           "Raccourcissez le texte, ou cherchez un guillemet fermant manquant.")),
    entry("too-many-columns", ERROR, INPUT, ("Too many columns", "Trop de colonnes"),
          (f"A row may have at most {limits.COLUMNS} cells; the widest table of the standard has a few dozen columns.",
           f"Une ligne peut avoir au plus {limits.COLUMNS} cellules; la table la plus large de la norme compte quelques dizaines "
           "de colonnes."),
          ("The row has {count} cells, more than the limit of {limit}; the file was not read further.",
           "La ligne compte {count} cellules, plus que la limite de {limit}; le fichier n'a pas été lu plus loin."),
          ("Start again from the template, and keep only the columns of the table.",
           "Repartez du gabarit et ne gardez que les colonnes de la table.")),
    entry("too-many-rows", ERROR, INPUT, ("Too many rows", "Trop de lignes"),
          (f"A table may have at most {limits.ROWS} rows.", f"Une table peut avoir au plus {limits.ROWS} lignes."),
          ("The table has more than {limit} rows; the file was not read further.",
           "La table compte plus de {limit} lignes; le fichier n'a pas été lu plus loin."),
          ("Split the submission into smaller ones, for example one outcome report per submission.",
           "Divisez la soumission en soumissions plus petites, par exemple un rapport de résultats par soumission.")),
    entry("row-too-wide", ERROR, INPUT, ("Row too large", "Ligne trop volumineuse"),
          (f"A row may hold at most {limits.ROW_CHARACTERS} characters, all its cells together.",
           f"Une ligne peut contenir au plus {limits.ROW_CHARACTERS} caractères, toutes ses cellules ensemble."),
          ("The row holds more than {limit} characters; the file was not read further.",
           "La ligne contient plus de {limit} caractères; le fichier n'a pas été lu plus loin."),
          ("Shorten the texts of the row, or check for a missing closing quote.",
           "Raccourcissez les textes de la ligne, ou cherchez un guillemet fermant manquant.")),
    entry("header-not-in-row-1", ERROR, INPUT, ("Column names not in row 1", "Noms de colonnes absents de la ligne 1"),
          ("The column names must be in row 1, with the data right below them; a title or notes above them make "
           "every column look missing.",
           "Les noms de colonnes doivent être à la ligne 1, et les données juste en dessous; un titre ou des notes "
           "au-dessus font paraître toutes les colonnes manquantes."),
          ("The column names must be in row 1; row 1 holds \"{value}\" and the column names are in row {found}.",
           "Les noms de colonnes doivent être à la ligne 1; la ligne 1 contient « {value} » et les noms de colonnes "
           "sont à la ligne {found}."),
          ("Delete the rows above the column names.", "Supprimez les lignes au-dessus des noms de colonnes.")),
    entry("time-limit", ERROR, INPUT, ("Validation took too long", "Validation trop longue"),
          (f"Validating one submission may take at most {limits.SECONDS} seconds.",
           f"La validation d'une soumission peut durer au plus {limits.SECONDS} secondes."),
          ("Validation stopped after {limit} seconds, here; the rest was not checked.",
           "La validation s'est arrêtée après {limit} secondes, ici; la suite n'a pas été vérifiée."),
          ("Split the submission into smaller ones, or check that a table does not hold far more rows than "
           "intended.",
           "Divisez la soumission en soumissions plus petites, ou vérifiez qu'une table ne contient pas beaucoup "
           "plus de lignes que prévu.")),
    entry("formula-cell", ERROR, INPUT, ("Spreadsheet formula", "Formule de tableur"),
          ("Cells must hold values, not formulas: a formula's result is not stored reliably.",
           "Les cellules doivent contenir des valeurs, pas des formules : le résultat d'une formule n'est pas conservé de façon fiable."),
          ("The cell holds the formula {value}.", "La cellule contient la formule {value}."),
          ("Replace the formula with its value (copy, then paste values only).",
           "Remplacez la formule par sa valeur (copier, puis collage des valeurs seulement).")),
    entry("merged-cells", ERROR, INPUT, ("Merged cells", "Cellules fusionnées"),
          ("Each row of a table is one record: a value shown across merged cells is stored in the first cell "
           "only, and the other rows are empty.",
           "Chaque ligne d'une table est un enregistrement : une valeur affichée sur des cellules fusionnées n'est "
           "conservée que dans la première cellule, et les autres lignes sont vides."),
          ("The cells {value} are merged: only the first holds the value.",
           "Les cellules {value} sont fusionnées : seule la première contient la valeur."),
          ("Unmerge them (Home > Merge & Center > Unmerge Cells) and fill the value in on every row.",
           "Annulez la fusion (Accueil > Fusionner et centrer > Annuler Fusionner cellules) et inscrivez la "
           "valeur sur chaque ligne.")),
    entry("date-cell", ERROR, INPUT, ("Text turned into a date", "Texte transformé en date"),
          ("A spreadsheet turns text that looks like a date, such as the code 2027-01, into a date; the column "
           "holds text, so what was typed is lost.",
           "Un tableur transforme un texte qui ressemble à une date, comme le code 2027-01, en date; la colonne "
           "contient du texte, et ce qui a été tapé est perdu."),
          ("The cell holds the date {value}, but the column holds text: the spreadsheet turned what was typed into "
           "a date.",
           "La cellule contient la date {value}, mais la colonne contient du texte : le tableur a transformé ce qui "
           "a été tapé en date."),
          ("Format the column as Text, then type the value again.",
           "Mettez la colonne au format Texte, puis tapez de nouveau la valeur.")),
    entry("semicolon-delimiter", WARNING, INPUT, ("Columns separated by semicolons", "Colonnes séparées par des points-virgules"),
          ("Columns of a CSV file are separated by commas; Excel in French and other languages writes semicolons, "
           "which are read too.",
           "Les colonnes d'un fichier CSV sont séparées par des virgules; Excel en français et dans d'autres langues "
           "écrit des points-virgules, qui sont lus aussi."),
          ("The columns are separated by \";\": the file was read that way.",
           "Les colonnes sont séparées par « ; » : le fichier a été lu ainsi."),
          ("Nothing to fix; to send the standard form, save the file as \"CSV UTF-8 (comma delimited)\".",
           "Rien à corriger; pour envoyer la forme standard, enregistrez le fichier en « CSV UTF-8 (délimité par des "
           "virgules) »."),
          variants={  # number columns held decimal commas, read as decimal points
              "decimals": (("The columns are separated by \";\" and numbers use a decimal comma: the file was read "
                            "that way (numbers read with a decimal point: {count}).",
                            "Les colonnes sont séparées par « ; » et les nombres ont une virgule décimale : le fichier "
                            "a été lu ainsi (nombres lus avec un point décimal : {count})."),
                           ("Check that the numbers are right; to send the standard form, save the file as \"CSV UTF-8 "
                            "(comma delimited)\".",
                            "Vérifiez que les nombres sont justes; pour envoyer la forme standard, enregistrez le "
                            "fichier en « CSV UTF-8 (délimité par des virgules) ».")),
          }),
    entry("unreadable-workbook", ERROR, INPUT, ("Unreadable workbook", "Classeur illisible"),
          ("The Excel file cannot be opened.", "Le fichier Excel ne peut pas être ouvert."),
          ("The workbook cannot be read: {reason}.", "Le classeur ne peut pas être lu : {reason}."),
          ("Open it in Excel or LibreOffice and save it again as .xlsx.",
           "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau en .xlsx.")),
    entry("unsafe-workbook", ERROR, INPUT, ("Unsafe workbook", "Classeur dangereux"),
          ("An .xlsx workbook is a zip of XML files; MCDS refuses XML with a document type declaration (which can "
           "define entities that expand without end), encrypted or unusually compressed entries, and workbooks "
           "past the size limits.",
           "Un classeur .xlsx est un zip de fichiers XML; la NPDM refuse le XML avec une déclaration de type de "
           "document (qui peut définir des entités qui s'étendent sans fin), les entrées chiffrées ou compressées "
           "de façon inhabituelle, et les classeurs qui dépassent les limites de taille."),
          ("The workbook was refused: {reason}.", "Le classeur a été refusé : {reason}."),
          ("Open it in Excel or LibreOffice and save it again as .xlsx, without a password.",
           "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau en .xlsx, sans mot de passe.")),
    entry("json-too-deep", ERROR, INPUT, ("JSON nested too deeply", "JSON trop imbriqué"),
          (f"A JSON document may nest arrays and objects at most {limits.JSON_DEPTH} levels deep; a submission needs 4.",
           f"Un document JSON peut imbriquer des tableaux et des objets sur au plus {limits.JSON_DEPTH} niveaux; une soumission "
           "en exige 4."),
          ("Arrays and objects are nested more than {limit} levels deep at line {line}, column {column}.",
           "Les tableaux et les objets sont imbriqués sur plus de {limit} niveaux à la ligne {line}, colonne {column}."),
          ("Write the document with the shape of mcds.schema.json.",
           "Écrivez le document selon la forme de mcds.schema.json.")),
    entry("invalid-json", ERROR, INPUT, ("Invalid JSON", "JSON invalide"),
          ("A JSON submission must be one JSON object following mcds.schema.json.",
           "Une soumission JSON doit être un objet JSON conforme à mcds.schema.json."),
          ("The JSON document cannot be used: {reason}.", "Le document JSON est inutilisable : {reason}."),
          ("Check the document with a JSON editor; its top level is an object with standard_version.",
           "Vérifiez le document avec un éditeur JSON; son niveau supérieur est un objet avec standard_version.")),
]

_STRUCTURE_ENTRIES = [
    entry("type-error", ERROR, STRUCTURE, ("Wrong type", "Mauvais type"),
          ("A cell does not hold the kind of value its column expects.",
           "Une cellule ne contient pas le genre de valeur qu'attend sa colonne."),
          ("\"{value}\" is not valid.", "« {value} » n'est pas valide."),
          ("Write a valid value.", "Écrivez une valeur valide."),
          variants={  # by the column's type
              "integer": (("\"{value}\" is not a whole number.", "« {value} » n'est pas un nombre entier."),
                          ("Write digits only, for example 12.", "Écrivez des chiffres seulement, par exemple 12.")),
              "number": (("\"{value}\" is not a number.", "« {value} » n'est pas un nombre."),
                         ("Write digits with a point for decimals, for example 650.50.",
                          "Écrivez des chiffres avec un point pour les décimales, par exemple 650.50.")),
              "date": (("\"{value}\" is not a date in the form YYYY-MM-DD.",
                        "« {value} » n'est pas une date de la forme AAAA-MM-JJ."),
                       ("Write the date as YYYY-MM-DD, for example 2027-01-11.",
                        "Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2027-01-11.")),
              "boolean": (("\"{value}\" is not true or false.", "« {value} » n'est pas true ou false."),
                          ("Write true or false.", "Écrivez true ou false.")),
          }),
    entry("constraint-error", ERROR, STRUCTURE, ("Value not allowed", "Valeur non permise"),
          ("A cell breaks a rule of its column: required, allowed codes, pattern, minimum or maximum.",
           "Une cellule enfreint une règle de sa colonne : obligatoire, codes permis, motif, minimum ou maximum."),
          ("\"{value}\" does not have the expected form.", "« {value} » n'a pas la forme attendue."),
          ("Check the column's description in the template.", "Consultez la description de la colonne dans le gabarit."),
          variants={  # by the rule broken; a profile's rule is named after the message, in parentheses
              "required": (("This column is required and the cell is empty.",
                            "Cette colonne est obligatoire et la cellule est vide."),
                           ("Fill it in, for example {example}.", "Remplissez-la, par exemple {example}.")),
              "required-without-example": (("This column is required and the cell is empty.",
                                            "Cette colonne est obligatoire et la cellule est vide."),
                                           ("Fill it in.", "Remplissez-la.")),
              "enum": (("\"{value}\" is not an allowed code.", "« {value} » n'est pas un code permis."),
                       ("Use one of: {codes} (code list {codelist}).",
                        "Utilisez l'un de ces codes : {codes} (liste {codelist}).")),
              "enum-suggested": (("\"{value}\" is not an allowed code. Did you mean \"{closest}\"?",
                                  "« {value} » n'est pas un code permis. Vouliez-vous dire « {closest} » ?"),
                                 ("Write {closest}, or another code of {codelist}: {codes}.",
                                  "Écrivez {closest}, ou un autre code de {codelist} : {codes}.")),
              "list-separator": (("The items of this list are separated by \"{separator}\"; a list separates them with |.",
                                  "Les éléments de cette liste sont séparés par « {separator} »; une liste les sépare "
                                  "par |."),
                                 ("Write {fixed}.", "Écrivez {fixed}.")),
              "enum-suggested-several": (("\"{value}\" is not an allowed code. Did you mean {choices}?",
                                          "« {value} » n'est pas un code permis. Vouliez-vous dire {choices} ?"),
                                         ("Write one of them, or another code of {codelist}: {codes}.",
                                          "Écrivez l'un d'eux, ou un autre code de {codelist} : {codes}.")),
              "invisible": (("\"{value}\" holds {character}, which the eye does not see.",
                             "« {value} » contient {character}, que l'œil ne voit pas."),
                            ("Retype the cell: {fixed}.", "Retapez la cellule : {fixed}.")),
              "zeros": (("\"{value}\" lost zeros: the spreadsheet took the code for a number. It was probably "
                         "{restored}.",
                         "« {value} » a perdu des zéros : le tableur a pris le code pour un nombre. C'était sans doute "
                         "{restored}."),
                        ("Format the column as Text, then type {restored} again.",
                         "Mettez la colonne au format Texte, puis tapez de nouveau {restored}.")),
              "plain": (("\"{value}\" has capital letters, accents or spaces, which this column does not take.",
                         "« {value} » contient des majuscules, des accents ou des espaces, que cette colonne n'accepte "
                         "pas."),
                        ("Write it as {fixed}.", "Écrivez plutôt {fixed}.")),
              "list-zeros": (("In this list, {items} lost zeros: the spreadsheet took the codes for numbers.",
                              "Dans cette liste, {items} a perdu des zéros : le tableur a pris les codes pour des "
                              "nombres."),
                             ("Format the column as Text, then write {fixed}.",
                              "Mettez la colonne au format Texte, puis écrivez {fixed}.")),
              "list-suggested": (("In this list, some items are not codes. Did you mean {choices}?",
                                  "Dans cette liste, des éléments ne sont pas des codes. Vouliez-vous dire {choices} ?"),
                                 ("Write {fixed}.", "Écrivez {fixed}.")),
              "list-empty-item": (("This list has an empty item: a | at its start or end, or two | in a row.",
                                   "Cette liste a un élément vide : un | au début ou à la fin, ou deux | de suite."),
                                  ("Write {fixed}.", "Écrivez {fixed}.")),
              "list-spaces": (("The items of this list have spaces around |.",
                               "Les éléments de cette liste ont des espaces autour de |."),
                              ("Write {fixed}, without spaces.", "Écrivez {fixed}, sans espaces.")),
              "minimum": (("{value} is below the minimum {bound}.", "{value} est inférieur au minimum {bound}."),
                          ("Use a value from {low} to {high}.", "Utilisez une valeur de {low} à {high}.")),
              "maximum": (("{value} is above the maximum {bound}.", "{value} est supérieur au maximum {bound}."),
                          ("Use a value from {low} to {high}.", "Utilisez une valeur de {low} à {high}.")),
              "max-items": (("This list has {count} items; at most {most} are allowed.",
                             "Cette liste compte {count} éléments; au plus {most} sont permis."),
                            ("Keep the {most} most relevant.", "Gardez les {most} plus pertinents.")),
              "list-code": (("In this list, {items} is not allowed.", "Dans cette liste, {items} n'est pas permis."),
                            ("Use one of: {codes} (code list {codelist}).",
                             "Utilisez l'un de ces codes : {codes} (liste {codelist}).")),
              "list-item": (("In this list, {items} is not allowed.", "Dans cette liste, {items} n'est pas permis."),
                            ("Write each item like {example}, separated by |.",
                             "Écrivez chaque élément comme {example}, séparés par |.")),
              "pattern": (("\"{value}\" does not have the expected form.", "« {value} » n'a pas la forme attendue."),
                          ("Write it like {example}.", "Écrivez-la comme {example}.")),
          }),
    entry("missing-label", ERROR, STRUCTURE, ("Missing column", "Colonne manquante"),
          ("A column of the table is missing from the header row.", "Une colonne de la table manque dans la ligne d'en-tête."),
          ("The column \"{column}\" is missing.", "La colonne « {column} » est manquante."),
          ("Add the column \"{column}\" in position {position}, as in the template.",
           "Ajoutez la colonne « {column} » en position {position}, comme dans le gabarit.")),
    entry("extra-label", ERROR, STRUCTURE, ("Extra column", "Colonne en trop"),
          ("The header row has a column the table does not define.",
           "La ligne d'en-tête contient une colonne que la table ne définit pas."),
          ("The column \"{value}\" is not part of this table.{suggestion}",
           "La colonne « {value} » ne fait pas partie de cette table.{suggestion}"),
          ("Remove the column, or rename it to the column it holds.",
           "Retirez la colonne, ou renommez-la selon la colonne qu'elle contient.")),
    entry("incorrect-label", ERROR, STRUCTURE, ("Wrong column name", "Mauvais nom de colonne"),
          ("Column names must be exactly those of the template, in the same order.",
           "Les noms de colonnes doivent être exactement ceux du gabarit, dans le même ordre."),
          ("Column {position} is named \"{value}\" but should be \"{column}\".{suggestion}",
           "La colonne {position} s'appelle « {value} » mais devrait s'appeler « {column} ».{suggestion}"),
          ("Copy the header row from the template.", "Copiez la ligne d'en-tête du gabarit.")),
    entry("duplicate-label", ERROR, STRUCTURE, ("Duplicate column", "Colonne en double"),
          ("Each column name may appear once.", "Chaque nom de colonne ne peut apparaître qu'une fois."),
          ("The column \"{value}\" appears more than once.", "La colonne « {value} » apparaît plus d'une fois."),
          ("Remove the repeated column.", "Retirez la colonne répétée.")),
    entry("blank-label", ERROR, STRUCTURE, ("Blank column name", "Nom de colonne vide"),
          ("Every column of the header row needs a name.", "Chaque colonne de la ligne d'en-tête a besoin d'un nom."),
          ("Column {position} has no name.", "La colonne {position} n'a pas de nom."),
          ("Name it as in the template, or delete the empty column.",
           "Nommez-la comme dans le gabarit, ou supprimez la colonne vide.")),
    entry("missing-cell", ERROR, STRUCTURE, ("Row too short", "Ligne trop courte"),
          ("A row has fewer cells than the header.", "Une ligne a moins de cellules que l'en-tête."),
          ("The row has no cell for the column \"{column}\".", "La ligne n'a pas de cellule pour la colonne « {column} »."),
          ("Check for a missing comma, or a comma inside text that is not quoted.",
           "Cherchez une virgule manquante, ou une virgule dans un texte sans guillemets.")),
    entry("extra-cell", ERROR, STRUCTURE, ("Row too long", "Ligne trop longue"),
          ("A row has more cells than the header.", "Une ligne a plus de cellules que l'en-tête."),
          ("The row has an extra cell \"{value}\".", "La ligne a une cellule en trop « {value} »."),
          ("Put text that contains commas between double quotes.",
           "Mettez entre guillemets doubles le texte qui contient des virgules.")),
    entry("blank-row", WARNING, STRUCTURE, ("Blank row", "Ligne vide"),
          ("A row with no value at all is ignored: nothing else is reported about it and it is not published.",
           "Une ligne sans aucune valeur est ignorée : rien d'autre n'est signalé à son sujet et elle n'est pas "
           "publiée."),
          ("The row is blank and was ignored.", "La ligne est vide et a été ignorée."),
          ("Delete the blank row to keep the table tidy.", "Supprimez la ligne vide pour garder la table nette.")),
    entry("primary-key", ERROR, STRUCTURE, ("Duplicate identifier", "Identifiant en double"),
          ("Identifiers must be unique within their table.", "Les identifiants doivent être uniques dans leur table."),
          ("The identifier {value} is used by more than one row.", "L'identifiant {value} est utilisé par plus d'une ligne."),
          ("Give each row its own identifier.", "Donnez à chaque ligne son propre identifiant.")),
    entry("unique-error", ERROR, STRUCTURE, ("Duplicate value", "Valeur en double"),
          ("The column's values must be unique.", "Les valeurs de la colonne doivent être uniques."),
          ("\"{value}\" appears in more than one row.", "« {value} » apparaît dans plus d'une ligne."),
          ("Give each row its own value.", "Donnez à chaque ligne sa propre valeur.")),
    entry("foreign-key", ERROR, STRUCTURE, ("Unknown reference", "Référence inconnue"),
          ("A cell refers to a row of another table that does not exist.",
           "Une cellule désigne une ligne d'une autre table qui n'existe pas."),
          ("\"{value}\" is not an identifier of the table {target}.", "« {value} » n'est pas un identifiant de la table {target}."),
          ("Add the row to {target}, or correct the identifier.", "Ajoutez la ligne à {target}, ou corrigez l'identifiant."),
          variants={  # the table has an identifier close to it (mcds.validation.refine)
              "suggested": (("\"{value}\" is not an identifier of the table {target}. Did you mean \"{meant}\"?",
                             "« {value} » n'est pas un identifiant de la table {target}. Vouliez-vous dire « {meant} » ?"),
                            ("Write {meant}, or add the row to {target}.", "Écrivez {meant}, ou ajoutez la ligne à {target}.")),
          }),
    entry("table-error", ERROR, STRUCTURE, ("Table cannot be read", "Table illisible"),
          ("The table could not be read as CSV.", "La table n'a pas pu être lue comme un CSV."),
          ("The table cannot be read: {reason}", "La table ne peut pas être lue : {reason}"),
          ("Save it again as \"CSV UTF-8 (comma delimited)\".", "Enregistrez-la de nouveau en « CSV UTF-8 (délimité par des virgules) ».")),
]

LOCATION = {
    "en": {"file": "{file}", "row": "row {row}", "column": 'column "{column}"'},
    "fr": {"file": "{file}", "row": "ligne {row}", "column": "colonne « {column} »"},
}
# A place in a workbook, as Excel shows it: the sheet's tab, the row number at the left, the column letter above.
SHEET_LOCATION = {
    "en": {"file": "sheet {file}", "row": "row {row}", "column": 'column {letter} "{column}"'},
    "fr": {"file": "feuille {file}", "row": "ligne {row}", "column": "colonne {letter} « {column} »"},
}
# Beside a CSV row whose first line is not its number (a cell above holds a line break).
LINE = {"en": "(line {line} of the file)", "fr": "(ligne {line} du fichier)"}
# The findings grouped under a root cause (mcds.validation.refine), after the root's message.
DEPENDENTS = {
    "en": {"one": "And 1 dependent row, fixed with it: {places}.", "many": "And {count} dependent rows, fixed with it: {places}."},
    "fr": {"one": "Et 1 ligne dépendante, corrigée avec elle : {places}.",
           "many": "Et {count} lignes dépendantes, corrigées avec elle : {places}."},
}
PLACES_SHOWN = 3
TRUNCATED = {
    "en": "Validation stopped after {count} errors: fix these and validate again to see the rest.",
    "fr": "La validation s'est arrêtée après {count} erreurs : corrigez-les et validez de nouveau pour voir les autres.",
}


@cache
def entries() -> dict[str, Entry]:
    """Every code MCDS can report, by code."""
    found = {e.code: e for e in _INPUT_ENTRIES + _STRUCTURE_ENTRIES}
    for error_class in all_error_classes():
        found[error_class.entry.code] = error_class.entry
    return dict(sorted(found.items()))


class _Defaults(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def location(finding: Finding, lang: str) -> str:
    """Where the finding is, as the provider sees it: file, row and column; for a workbook, the sheet, the row
    and the column's letter and name."""
    words = SHEET_LOCATION[lang] if finding.letter is not None else LOCATION[lang]
    values = {"file": finding.file, "row": finding.row, "column": finding.column, "letter": finding.letter or ""}
    parts = [words[k].format(**values).replace("  ", " ") for k in ("file", "row", "column") if getattr(finding, k)]
    if finding.line and finding.row and len(parts) > 1:
        parts[1] += " " + LINE[lang].format(line=finding.line)
    return ", ".join(parts)


def dependents_text(finding: Finding, lang: str) -> str:
    """"And N dependent rows, fixed with it: ...", naming the first few places; "" without dependents."""
    if not finding.dependents:
        return ""
    rows = list(dict.fromkeys((d.file, d.row, d.letter) for d in finding.dependents))
    shown = [location(Finding(finding.code, finding.severity, file, row, letter=letter), lang)
             for file, row, letter in rows[:PLACES_SHOWN]]
    places = "; ".join(shown) + ("; …" if len(rows) > PLACES_SHOWN else "")
    count = len(rows)
    return DEPENDENTS[lang]["one" if count == 1 else "many"].format(count=count, places=places)


def message(finding: Finding, lang: str, located: bool = True) -> str:
    """The whole message of a finding in `lang`: where, what is wrong, and how to fix it."""
    item = entries()[finding.code]
    values: dict[str, Any] = _Defaults(value=finding.value or "", column=finding.column or "", row=finding.row or "")
    values.update({key: in_language(value, lang) for key, value in finding.params.items()})
    case = item.variants.get(finding.params.get("variant", ""), item)
    text = case.message[lang].format_map(values)
    if values.get("rule"):
        text = f"{text.rstrip('.')} ({values['rule']})."
    fix = case.fix[lang].format_map(values)
    where = location(finding, lang) if located else ""
    colon = " : " if lang == "fr" else ": "
    more = dependents_text(finding, lang)
    fix = f"{fix} {more}" if more else fix
    return f"{where}{colon}{text} {fix}".strip() if where else f"{text} {fix}".strip()
