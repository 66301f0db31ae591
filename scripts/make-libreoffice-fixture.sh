#!/usr/bin/env bash
# Writes test-fixtures/inventory-libreoffice.xlsx: a flat OpenDocument
# spreadsheet typed by hand below, converted to xlsx by LibreOffice headless,
# so the import is tested on a workbook that exceljs did not write.
# Needs LibreOffice Calc (apt-get install libreoffice-calc-nogui).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
s() { printf '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' "$1"; }
n() { printf '<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' "$1" "$1"; }
d() { printf '<table:table-cell table:style-name="dato" office:value-type="date" office:date-value="%s"><text:p>%s</text:p></table:table-cell>' "$1" "$1"; }
e() { printf '<table:table-cell/>'; }
row() { printf '<table:table-row>%s</table:table-row>\n' "$*"; }
{
  cat <<'HEAD'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
  <number:date-style style:name="N1"><number:day number:style="long"/><number:text>.</number:text><number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/></number:date-style>
  <style:style style:name="dato" style:family="table-cell" style:data-style-name="N1"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
HEAD
  echo '<table:table table:name="IKT-systemer">'
  row "$(s Kommunenummer)$(s Navn)$(s Leverandør)$(s Produkt)$(s Løsningsområde)$(s Drift)$(s 'Antall brukere')$(s Arkivverdig)$(s Merknader)"
  row "$(s 4601)$(s 'Visma Enterprise')$(s 'Visma AS')$(s Enterprise)$(s 'Servere, lagring og drift')$(s SaaS/sky)$(n 1200)$(s Ja)$(s 'Skrevet i LibreOffice')"
  row "$(s 4626)$(s Elements)$(s Sikri)$(e)$(e)$(s Lokalt)$(n 85)$(s Nei)$(e)"
  row "$(s 4601)$(s Gerica)$(s Tieto)$(e)$(e)$(e)$(e)$(e)$(s '=ikke en formel')"
  echo '</table:table>'
  echo '<table:table table:name="Avtaler">'
  row "$(s Kommunenummer)$(s Leverandør)$(s Gjelder)$(s Startdato)$(s Sluttdato)$(s 'Årlig kostnad (kr)')$(s Systemer)"
  row "$(s 4601)$(s Visma)$(s Lisens)$(d 2021-03-01)$(d 2027-12-31)$(n 125000.5)$(s 'Visma Enterprise; Gerica')"
  echo '</table:table>'
  echo '<table:table table:name="Integrasjoner">'
  row "$(s Kommunenummer)$(s 'Fra system')$(s 'Til system')$(s Fellesløsning)$(s Retning)$(s Metode)"
  row "$(s 4601)$(s Gerica)$(s 'Visma Enterprise')$(e)$(s Ut)$(s Fil)"
  row "$(s 4601)$(s Gerica)$(e)$(s 'ID-porten')$(s Inn)$(s API)"
  echo '</table:table>'
  echo '</office:spreadsheet></office:body></office:document>'
} > "$work/inventory-libreoffice.fods"
soffice --headless -env:UserInstallation="file://$work/profile" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work" "$work/inventory-libreoffice.fods" >/dev/null
cp "$work/inventory-libreoffice.xlsx" test-fixtures/inventory-libreoffice.xlsx
echo "wrote test-fixtures/inventory-libreoffice.xlsx"
