<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi" sourcelanguage="en">
<context>
    <name>AllergenBanner</name>
    <message>
        <location filename="../../widgets/allergen_display.py" line="+89"/>
        <source>Allergies</source>
        <translation>Allergiat</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>⚠ Allergies:</source>
        <translation>⚠ Allergiat:</translation>
    </message>
</context>
<context>
    <name>AllergenPicker</name>
    <message>
        <location line="+48"/>
        <source>Anything else, comma-separated, e.g. kiwi, lactose</source>
        <translation>Muut, pilkuilla erotettuina, esim. kiwi, laktoosi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other allergies</source>
        <translation>Muut allergiat</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../widgets/context.py" line="+72"/>
        <source>Nobody is signed in. Choose your name on the sign-in screen.</source>
        <translation>Kukaan ei ole kirjautunut. Valitse nimesi kirjautumisnäkymästä.</translation>
    </message>
</context>
<context>
    <name>AuthorisationPanel</name>
    <message>
        <location filename="../../widgets/authorisation_panel.py" line="+77"/>
        <source>Supervisor authorisation</source>
        <translation>Vuorovastaavan hyväksyntä</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+229"/>
        <source>New amount</source>
        <translation>Uusi summa</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>New amount for the chosen line</source>
        <translation>Valitun rivin uusi summa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Muuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove line</source>
        <translation>Poista rivi</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Approve</source>
        <translation>Hyväksy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse</source>
        <translation>Hylkää</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reason for refusing (required)</source>
        <translation>Hylkäyksen syy (pakollinen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for refusing</source>
        <translation>Hylkäyksen syy</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Back to the form</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Walk-in customer</source>
        <translation>Satunnaisasiakas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in: no history.</source>
        <translation>Satunnaisasiakas: ei historiaa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No earlier complaints in the last 90 days</source>
        <translation>Ei aiempia reklamaatioita 90 päivän aikana</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n earlier complaint(s) in the last 90 days</source>
        <translation>
            <numerusform>%n aiempi reklamaatio viimeisten 90 päivän aikana</numerusform>
            <numerusform>%n aiempaa reklamaatiota viimeisten 90 päivän aikana</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+222"/>
        <source>Locked for %n more minute(s).</source>
        <translation>
            <numerusform>Lukittu vielä %n minuutin ajan.</numerusform>
            <numerusform>Lukittu vielä %n minuutin ajan.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-170"/>
        <source>manager %1</source>
        <translation>päällikkö %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limits per complaint: %1</source>
        <translation>Rajat reklamaatiota kohden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Over the manager&apos;s limit too: reduce the lines.</source>
        <translation>Ylittää myös päällikön rajan: pienennä rivejä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is over every supervisor&apos;s limit: needs a manager.</source>
        <translation>%1 ylittää jokaisen vuorovastaavan rajan: tarvitaan päällikkö.</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>compensation %1</source>
        <translation>hyvitys %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n refusal(s)</source>
        <translation>
            <numerusform>%n hylkäys</numerusform>
            <numerusform>%n hylkäystä</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Total: %1</source>
        <translation>Yhteensä: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Supervisor: write the reason, then enter your PIN to refuse %1.</source>
        <translation>Vuorovastaava: kirjoita syy ja hylkää %1 PIN-koodillasi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>approve the changed lines</source>
        <translation>hyväksyä muutetut rivit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>approve</source>
        <translation>hyväksyä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor: enter your PIN to %1 (%2).</source>
        <translation>Vuorovastaava: syötä PIN-koodi, jotta voit %1 (%2).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New percentage</source>
        <translation>Uusi prosentti</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+27"/>
        <source>Choose a line in the list first.</source>
        <translation>Valitse ensin rivi listasta.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Type a percentage from 1 to 100.</source>
        <translation>Anna prosentti väliltä 1–100.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This line has no amount to change; remove it instead.</source>
        <translation>Tällä rivillä ei ole muutettavaa summaa. Poista rivi.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Write why the compensation is refused, then enter the PIN again.</source>
        <translation>Kirjoita, miksi hyvitys hylätään, ja syötä PIN-koodi uudelleen.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Manager limit per complaint: %1.</source>
        <translation>Päällikön raja reklamaatiota kohden: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%2&apos;s limit per complaint: %1. A manager must authorise this, or change the lines.</source>
        <translation>Käyttäjän %2 raja reklamaatiota kohden: %1. Päällikön on hyväksyttävä tämä, tai muuta rivejä.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Too many wrong PINs. PIN entry is locked for %1:%2 more.</source>
        <translation>Liian monta väärää PIN-koodia. PIN-syöttö on lukittu vielä %1:%2.</translation>
    </message>
</context>
<context>
    <name>BackupStatusPanel</name>
    <message>
        <location filename="../../widgets/backup_status.py" line="+39"/>
        <source>Back up now</source>
        <translation>Varmuuskopioi nyt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The last backup failed: {reason} Fix it and tap Back up now.</source>
        <translation>Edellinen varmuuskopiointi epäonnistui: {reason} Korjaa vika ja napauta Varmuuskopioi nyt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No backup of this shop has been made yet. Tap Back up now.</source>
        <translation>Tästä liikkeestä ei ole vielä tehty varmuuskopiota. Napauta Varmuuskopioi nyt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A backup is overdue: the last one is from {when}.</source>
        <translation>Varmuuskopio on myöhässä: edellinen on ajalta {when}.</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <location filename="../../console/backup_ui.py" line="+35"/>
        <source>Backups</source>
        <translation>Varmuuskopiot</translation>
    </message>
</context>
<context>
    <name>BirthdayBatchPanel</name>
    <message>
        <location filename="../../widgets/birthday_batch.py" line="+115"/>
        <location line="+7"/>
        <source>Birthdays this week</source>
        <translation>Tämän viikon syntymäpäivät</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Only customers who agreed to be contacted.</source>
        <translation>Vain asiakkaat, jotka ovat antaneet luvan yhteydenottoon.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Make letters</source>
        <translation>Tee kirjeet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Pysäytä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>Tulosta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>Tallenna PDF:nä…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{start} – {end}: only customers who agreed to be contacted.</source>
        <translation>{start} – {end}: vain asiakkaat, jotka ovat antaneet luvan yhteydenottoon.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n letter(s) to make.</source>
        <translation>
            <numerusform>%n kirje tehtävänä.</numerusform>
            <numerusform>%n kirjettä tehtävänä.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Making %n letter(s)…</source>
        <translation>
            <numerusform>Tehdään %n kirje…</numerusform>
            <numerusform>Tehdään %n kirjettä…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n letter(s) ready to print.</source>
        <translation>
            <numerusform>%n kirje valmiina tulostettavaksi.</numerusform>
            <numerusform>%n kirjettä valmiina tulostettavaksi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>%n letter(s) kept on the customers&apos; profiles.</source>
        <translation>
            <numerusform>%n kirje tallennettu asiakkaan tietoihin.</numerusform>
            <numerusform>%n kirjettä tallennettu asiakkaiden tietoihin.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-137"/>
        <source>No birthdays this week.</source>
        <translation>Ei syntymäpäiviä tällä viikolla.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Stopping…</source>
        <translation>Pysäytetään…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Stopped; no letters were made.</source>
        <translation>Pysäytetty. Kirjeitä ei tehty.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Birthday letters</source>
        <translation>Syntymäpäiväkirjeet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save birthday letters</source>
        <translation>Tallenna syntymäpäiväkirjeet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>Tiedostoa {path} ei voi tallentaa: {reason}</translation>
    </message>
</context>
<context>
    <name>BirthdayListModel</name>
    <message>
        <location filename="../../widgets/birthday_list_model.py" line="+51"/>
        <source>today</source>
        <translation>tänään</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>turns {age}</source>
        <translation>täyttää {age}</translation>
    </message>
</context>
<context>
    <name>ColumnMappingModel</name>
    <message>
        <location filename="../../widgets/import_models.py" line="+54"/>
        <source>Column</source>
        <translation>Sarake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes to</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Example</source>
        <translation>Esimerkki</translation>
    </message>
</context>
<context>
    <name>CompensationLinesModel</name>
    <message>
        <location filename="../../widgets/compensation_lines_model.py" line="+50"/>
        <source>Compensation</source>
        <translation>Hyvitys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Approved</source>
        <translation>Hyväksytty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>Hylätty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs a supervisor</source>
        <translation>Vaatii vuorovastaavan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No value</source>
        <translation>Ei arvoa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 % of %2</source>
        <translation>%1 % summasta %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>valid until %1</source>
        <translation>voimassa %1 asti</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <location filename="../../widgets/complaint_form.py" line="+227"/>
        <location line="+813"/>
        <source>Discard</source>
        <translation>Hylkää</translation>
    </message>
    <message>
        <location line="-812"/>
        <source>Save, keep open</source>
        <translation>Tallenna, jätä auki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save now and finish later (e.g. when the real cause is known)</source>
        <translation>Tallenna nyt ja viimeistele myöhemmin (esim. kun todellinen syy selviää)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and finish</source>
        <translation>Tallenna ja päätä</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Who and when</source>
        <translation>Kuka ja milloin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Walk-in: name if given (optional)</source>
        <translation>Satunnaisasiakas: nimi, jos kertoi (valinnainen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in</source>
        <translation>Satunnaisasiakas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken by</source>
        <translation>Kirjaaja</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Till</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+403"/>
        <source>About staff member</source>
        <translation>Koskee työntekijää</translation>
    </message>
    <message>
        <location line="-398"/>
        <source>What happened</source>
        <translation>Mitä tapahtui</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the customer&apos;s own words</source>
        <translation>Asiakkaan omin sanoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+379"/>
        <source>Stated problem</source>
        <translation>Asiakkaan kertoma ongelma</translation>
    </message>
    <message>
        <location line="-383"/>
        <source>What you saw and did</source>
        <translation>Mitä näit ja teit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Real cause</source>
        <translation>Todellinen syy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printed in the apology letter, in the customer&apos;s language</source>
        <translation>Tulostetaan anteeksipyyntökirjeeseen asiakkaan kielellä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we change</source>
        <translation>Mitä muutamme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we change so it does not happen again</source>
        <translation>Mitä muutamme, jottei näin käy uudelleen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Severity</source>
        <translation>Vakavuus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crisis flags</source>
        <translation>Kriisimerkinnät</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Own account</source>
        <translation>Oma kuvaus</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Putting it right</source>
        <translation>Asian korjaaminen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What would they like?</source>
        <translation>Mitä asiakas toivoo?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The options you offered</source>
        <translation>Tarjoamasi vaihtoehdot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The one the customer chose</source>
        <translation>Asiakkaan valitsema vaihtoehto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asked for</source>
        <translation>Asiakas toivoi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Options offered</source>
        <translation>Tarjotut vaihtoehdot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Option chosen</source>
        <translation>Valittu vaihtoehto</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compensation lines</source>
        <translation>Hyvitysrivit</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Summa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount, e.g. 12.50</source>
        <translation>Summa, esim. 12,50</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Bill</source>
        <translation>Lasku</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill, e.g. 48.00</source>
        <translation>Lasku, esim. 48,00</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Percent of the bill</source>
        <translation>Prosenttia laskusta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percent</source>
        <translation>Prosentti</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Free item from the catalogue</source>
        <translation>Ilmainen tuote valikoimasta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Voucher valid until (inclusive)</source>
        <translation>Kuponki voimassa (päivä mukaan lukien)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note (optional)</source>
        <translation>Huomautus (valinnainen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add line</source>
        <translation>Lisää rivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove line</source>
        <translation>Poista rivi</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Ask a supervisor to authorise</source>
        <translation>Pyydä vuorovastaavan hyväksyntä</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compensation</source>
        <translation>Hyvitys</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was done</source>
        <translation>Mitä tehtiin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settled on the spot</source>
        <translation>Hoidettu heti paikan päällä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Ratkaisu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the customer will read about what happened and what was done, in the letter&apos;s language. Your notes never print.</source>
        <translation>Mitä asiakas lukee tapahtuneesta ja tehdyistä toimista, kirjeen kielellä. Omat muistiinpanosi eivät tulostu koskaan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Words for the letter</source>
        <translation>Teksti kirjeeseen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Promise and follow-up</source>
        <translation>Lupaus ja seuranta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What we promised, e.g. call back</source>
        <translation>Mitä lupasimme, esim. soitamme takaisin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Promise</source>
        <translation>Lupaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Määräaika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Vastuuhenkilö</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Not known yet</source>
        <translation>Ei vielä tiedossa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody in particular</source>
        <translation>Ei ketään erityisesti</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>For staff member</source>
        <translation>Työntekijälle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they praised</source>
        <translation>Mitä asiakas kehui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their suggestion</source>
        <translation>Asiakkaan ehdotus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Walk-in customer</source>
        <translation>Satunnaisasiakas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in (no profile)</source>
        <translation>Satunnaisasiakas (ei asiakastietoja)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Compensation total: %1</source>
        <translation>Hyvitykset yhteensä: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Compensation with a value needs a supervisor before this can be finished.</source>
        <translation>Arvoa sisältävä hyvitys vaatii vuorovastaavan hyväksynnän ennen viimeistelyä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved</source>
        <translation>Hyväksytty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>Hylätty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 by %2: %3.</source>
        <translation>%1 (%2): %3.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 by %2 at till %4: %3.</source>
        <translation>%1, %2 kassalla %4: %3.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (this till)</source>
        <translation>%1 (tämä kassa)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not named</source>
        <translation>nimeämätön</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not recorded</source>
        <translation>ei tallennettu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last changed by %1 at till %2, %3</source>
        <translation>viimeksi muuttanut %1 kassalla %2, %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last changed by %1, %3</source>
        <translation>viimeksi muuttanut %1, %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Type an amount, such as 12.50.</source>
        <translation>Anna summa, esim. 12,50.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type a percentage from 1 to 100.</source>
        <translation>Anna prosentti väliltä 1–100.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A decided line stays on the record.</source>
        <translation>Päätetty rivi jää kirjauksiin.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Line %1: %2</source>
        <translation>Rivi %1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Please check the fields marked in red.</source>
        <translation>Tarkista punaisella merkityt kentät.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Not saved: choose their version or yours.</source>
        <translation>Ei tallennettu: valitse heidän versionsa tai omasi.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replace what you typed with the version saved at till %1? What you typed on this form is lost.</source>
        <translation>Korvataanko kirjoittamasi kassalla %1 tallennetulla versiolla? Tälle lomakkeelle kirjoittamasi menetetään.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace what you typed with the saved version? What you typed on this form is lost.</source>
        <translation>Korvataanko kirjoittamasi tallennetulla versiolla? Tälle lomakkeelle kirjoittamasi menetetään.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load their version</source>
        <translation>Lataa heidän versionsa</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loaded the version saved now. Your changes were dropped.</source>
        <translation>Nyt tallennettu versio ladattu. Muutoksesi hylättiin.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Keeping your version: save again to replace theirs.</source>
        <translation>Pidetään sinun versiosi: tallenna uudelleen korvataksesi heidän versionsa.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved. You can finish it later.</source>
        <translation>Tallennettu. Voit viimeistellä sen myöhemmin.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Throw away what was typed on this form?</source>
        <translation>Hylätäänkö lomakkeelle kirjoitetut tiedot?</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>a walk-in customer</source>
        <translation>satunnaisasiakas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unsaved entry</source>
        <translation>Tallentamaton kirjaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An entry for %1 typed at %2 was not saved. Restore it?</source>
        <translation>Kirjausta (%1, kirjoitettu %2) ei tallennettu. Palautetaanko se?</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Restored the unsaved entry. Check it and save.</source>
        <translation>Tallentamaton kirjaus palautettu. Tarkista ja tallenna.</translation>
    </message>
</context>
<context>
    <name>ComplaintHistoryModel</name>
    <message>
        <location filename="../../widgets/complaint_history_model.py" line="+49"/>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they said</source>
        <translation>Mitä asiakas sanoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Lopputulos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 compensation</source>
        <translation>hyvitys %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>compensation refused</source>
        <translation>hyvitys hylätty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>satisfaction %1/5</source>
        <translation>tyytyväisyys %1/5</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <location filename="../../widgets/consent_section.py" line="+23"/>
        <source>Contact (letters, birthdays)</source>
        <translation>Yhteydenotto (kirjeet, syntymäpäivät)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeping their allergies on file</source>
        <translation>Allergiatietojen säilyttäminen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at the counter</source>
        <translation>kassalla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported</source>
        <translation>tuotu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on a form</source>
        <translation>lomakkeella</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Withdraw</source>
        <translation>Peru</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record consent</source>
        <translation>Kirjaa suostumus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not given</source>
        <translation>Ei annettu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Given {when}, {how}</source>
        <translation>Annettu {when}, {how}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn {when}, {how}</source>
        <translation>Peruttu {when}, {how}</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../widgets/customer_form.py" line="+87"/>
        <source>e.g. +358 40 123 4567</source>
        <translation>esim. +358 40 123 4567</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. Ms Williams, 王小姐 (empty: full name)</source>
        <translation>esim. rouva Virtanen, 王小姐 (tyhjä: koko nimi)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— month —</source>
        <translation>— kuukausi —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>— day —</source>
        <translation>— päivä —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>year (optional)</source>
        <translation>vuosi (valinnainen)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>comma-separated, e.g. window seat, quiet room</source>
        <translation>pilkuilla erotettuna, esim. ikkunapöytä, rauhallinen tila</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>one per line: label MM-DD, e.g. Wedding anniversary 06-14</source>
        <translation>yksi per rivi: nimi KK-PP, esim. Hääpäivä 06-14</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— not noted —</source>
        <translation>— ei merkitty —</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agrees to be contacted (letters, birthday wishes)</source>
        <translation>Saa ottaa yhteyttä (kirjeet, syntymäpäiväonnittelut)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Name *</source>
        <translation>&amp;Nimi *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>&amp;Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;mail</source>
        <translation>Sä&amp;hköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letters greet</source>
        <translation>Puhuttelu kirjeissä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birthday</source>
        <translation>S&amp;yntymäpäivä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Allergies</source>
        <translation>&amp;Allergiat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;references</source>
        <translation>&amp;Mieltymykset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags</source>
        <translation>T&amp;unnisteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Family dates</source>
        <translation>P&amp;erheen merkkipäivät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pe&amp;rsonality</source>
        <translation>&amp;Luonne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Yhteydenotto</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Save</source>
        <translation>&amp;Tallenna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>New customer</source>
        <translation>Uusi asiakas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit {name} ({number})</source>
        <translation>Muokkaa: {name} ({number})</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The year is four digits, e.g. 1985.</source>
        <translation>Vuosi on neljä numeroa, esim. 1985.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Line {n}: write a label and MM-DD, e.g. Wedding anniversary 06-14.</source>
        <translation>Rivi {n}: kirjoita nimi ja KK-PP, esim. Hääpäivä 06-14.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Same phone as: {names}</source>
        <translation>Sama puhelinnumero kuin: {names}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Phone already in use</source>
        <translation>Puhelinnumero on jo käytössä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{names} already has this phone number. Save anyway?</source>
        <translation>Asiakkaalla {names} on jo tämä puhelinnumero. Tallennetaanko silti?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Load their version</source>
        <translation>Lataa heidän versionsa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace what you typed with the profile as it is saved now? What you typed on this form is lost.</source>
        <translation>Korvataanko kirjoittamasi profiililla sellaisena kuin se nyt on tallennettu? Tälle lomakkeelle kirjoittamasi menetetään.</translation>
    </message>
</context>
<context>
    <name>CustomerProfilePanel</name>
    <message>
        <location filename="../../widgets/customer_profile_panel.py" line="+90"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>Syntymäpäivä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>Mieltymykset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personality</source>
        <translation>Luonne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family dates</source>
        <translation>Perheen merkkipäivät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>Käynnit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spend</source>
        <translation>Ostot yhteensä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>Viimeisin käynti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourites</source>
        <translation>Suosikit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints (90 days)</source>
        <translation>Reklamaatiot (90 pv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation (90 days)</source>
        <translation>Hyvitykset (90 pv)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Edit customer</source>
        <translation>&amp;Muokkaa asiakasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record &amp;purchase</source>
        <translation>Kirjaa &amp;osto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+14"/>
        <source>Purchase history</source>
        <translation>Ostohistoria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No purchases yet.</source>
        <translation>Ei vielä ostoja.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Birthday today!</source>
        <translation>Syntymäpäivä tänään!</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birthday tomorrow</source>
        <translation>Syntymäpäivä huomenna</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Birthday in %n day(s)</source>
        <translation>
            <numerusform>Syntymäpäivä %n päivän päästä</numerusform>
            <numerusform>Syntymäpäivä %n päivän päästä</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>{date} (%n day(s) ago)</source>
        <translation>
            <numerusform>{date} (%n päivä sitten)</numerusform>
            <numerusform>{date} (%n päivää sitten)</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{date} (today)</source>
        <translation>{date} (tänään)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{date} (yesterday)</source>
        <translation>{date} (eilen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never</source>
        <translation>Ei koskaan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <location filename="../../widgets/customer_search.py" line="+39"/>
        <source>Search: name, phone digits or customer number  (Ctrl+F)</source>
        <translation>Hae: nimi, puhelinnumeron numeroita tai asiakasnumero  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer search</source>
        <translation>Asiakashaku</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search results</source>
        <translation>Hakutulokset</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n customer(s) found.</source>
        <translation>
            <numerusform>%n asiakas löytyi.</numerusform>
            <numerusform>%n asiakasta löytyi.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down to move, Enter to open.</source>
        <translation>Alas-nuoli siirtää, Enter avaa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No customer matches “{text}”. Ctrl+N adds a new customer.</source>
        <translation>Hakua ”{text}” vastaavaa asiakasta ei löytynyt. Ctrl+N lisää uuden asiakkaan.</translation>
    </message>
</context>
<context>
    <name>DraftsUi</name>
    <message>
        <location filename="../../console/drafts_ui.py" line="+25"/>
        <source>Unsaved drafts</source>
        <translation>Tallentamattomat luonnokset</translation>
    </message>
</context>
<context>
    <name>EditConflictBar</name>
    <message>
        <location filename="../../widgets/edit_conflict_bar.py" line="+39"/>
        <source>Load their version</source>
        <translation>Lataa heidän versionsa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace what is on this form with what is saved now</source>
        <translation>Korvaa lomakkeen sisältö nyt tallennetulla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep mine</source>
        <translation>Pidä omani</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep what you typed; the next save replaces their change</source>
        <translation>Pidä kirjoittamasi; seuraava tallennus korvaa heidän muutoksensa</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Someone</source>
        <translation>Joku</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 changed this profile at till %2 at %3, after you opened it.</source>
        <translation>%1 muutti tätä profiilia kassalla %2 %3, sen jälkeen kun avasit sen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed this profile at %3, after you opened it.</source>
        <translation>%1 muutti tätä profiilia %3, sen jälkeen kun avasit sen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 changed this entry at till %2 at %3, after you opened it.</source>
        <translation>%1 muutti tätä merkintää kassalla %2 %3, sen jälkeen kun avasit sen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed this entry at %3, after you opened it.</source>
        <translation>%1 muutti tätä merkintää %3, sen jälkeen kun avasit sen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your changes were not saved; what you typed is still here.</source>
        <translation>Muutoksiasi ei tallennettu; kirjoittamasi on yhä tässä.</translation>
    </message>
</context>
<context>
    <name>ErasePanel</name>
    <message>
        <location filename="../../widgets/erase_panel.py" line="+40"/>
        <source>Erasing removes the name, phone, email, birthday, allergies, preferences, family dates and the words of their complaints and letters. Visits, amounts and report counts stay, without the person. This cannot be undone.</source>
        <translation>Poistaminen hävittää nimen, puhelinnumeron, sähköpostin, syntymäpäivän, allergiat, mieltymykset, perheen merkkipäivät sekä reklamaatioiden ja kirjeiden tekstit. Käynnit, summat ja raporttien luvut säilyvät ilman henkilötietoja. Poistoa ei voi perua.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why, e.g. asked at the counter on 20 November (no names)</source>
        <translation>Syy, esim. pyydetty kassalla 20. marraskuuta (ei nimiä)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Manager&apos;s PIN</source>
        <translation>Päällikön PIN-koodi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Erase the personal data of {who}</source>
        <translation>Poista henkilötiedot: {who}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Say why the data is erased.</source>
        <translation>Kerro, miksi tiedot poistetaan.</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../widgets/first_run_panel.py" line="+31"/>
        <source>Welcome to Counterpart</source>
        <translation>Tervetuloa Counterpartiin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database has no manager yet. The first manager adds the other staff and authorises larger compensation. Enter your name and choose a PIN of %1 to 12 digits.</source>
        <translation>Tietokannassa ei ole vielä päällikköä. Ensimmäinen päällikkö lisää muut työntekijät ja hyväksyy suuremmat hyvitykset. Kirjoita nimesi ja valitse %1–12-numeroinen PIN-koodi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Manager&apos;s name</source>
        <translation>Päällikön nimi</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a PIN</source>
        <translation>Valitse PIN-koodi</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A name is required.</source>
        <translation>Nimi on pakollinen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the same PIN again</source>
        <translation>Syötä sama PIN-koodi uudelleen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two PINs differ. Choose a PIN again.</source>
        <translation>PIN-koodit eivät täsmää. Valitse PIN-koodi uudelleen.</translation>
    </message>
</context>
<context>
    <name>FollowUpCloseForm</name>
    <message>
        <location filename="../../widgets/follow_up_close_form.py" line="+94"/>
        <source>What did the customer say? Did the fix work?</source>
        <translation>Mitä asiakas sanoi? Auttoiko korjaus?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Satisfaction</source>
        <translation>Tyytyväisyys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reliability</source>
        <translation>Luotettavuus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empathy</source>
        <translation>Empatia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tangibles</source>
        <translation>Puitteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsiveness</source>
        <translation>Reagointialttius</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The one thing they would change</source>
        <translation>Yksi asia, jonka asiakas muuttaisi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outcome</source>
        <translation>Lopputulos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Would change</source>
        <translation>Muuttaisi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close follow-up</source>
        <translation>Päätä seuranta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Walk-in</source>
        <translation>Satunnaisasiakas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up for %1: %2</source>
        <translation>Seuranta (%1): %2</translation>
    </message>
</context>
<context>
    <name>FollowUpList</name>
    <message>
        <location filename="../../widgets/follow_up_list.py" line="+82"/>
        <source>Due and overdue promises</source>
        <translation>Erääntyvät ja myöhässä olevat lupaukset</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No promises due. Well done.</source>
        <translation>Ei erääntyviä lupauksia. Hyvää työtä!</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close follow-up</source>
        <translation>Päätä seuranta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open customer</source>
        <translation>Avaa asiakas</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n due</source>
        <translation>
            <numerusform>%n erääntyvä</numerusform>
            <numerusform>%n erääntyvää</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n myöhässä</numerusform>
            <numerusform>%n myöhässä</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../widgets/follow_up_model.py" line="+34"/>
        <source>Due</source>
        <translation>Määräaika</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promise</source>
        <translation>Lupaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Vastuuhenkilö</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (overdue)</source>
        <translation>%1 (myöhässä)</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Walk-in</source>
        <translation>Satunnaisasiakas</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../widgets/home_view.py" line="+33"/>
        <source>Type a name, phone digits or a customer number above (Ctrl+F).</source>
        <translation>Kirjoita yllä olevaan kenttään nimi, puhelinnumeron numeroita tai asiakasnumero (Ctrl+F).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No birthdays today.</source>
        <translation>Ei syntymäpäiviä tänään.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No birthdays in the coming days.</source>
        <translation>Ei syntymäpäiviä lähipäivinä.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Birthdays today</source>
        <translation>Syntymäpäivät tänään</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birthdays this week</source>
        <translation>Tämän viikon syntymäpäivät</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Hello, {name}.</source>
        <translation>Hei, {name}!</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../widgets/import_panel.py" line="+93"/>
        <source>(not imported)</source>
        <translation>(ei tuoda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their id</source>
        <translation>Tunniste heidän järjestelmässään</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name</source>
        <translation>Etunimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family name</source>
        <translation>Sukunimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>Syntymäpäivä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergies</source>
        <translation>Allergiat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>Mieltymykset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Muistiinpanot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent to contact</source>
        <translation>Lupa ottaa yhteyttä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personality</source>
        <translation>Persoonallisuus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>Käynnit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First visit</source>
        <translation>Ensimmäinen käynti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>Viimeisin käynti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spend</source>
        <translation>Ostot yhteensä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt or order id</source>
        <translation>Kuitin tai tilauksen tunniste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time</source>
        <translation>Päivä ja aika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Aikavyöhyke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s id</source>
        <translation>Asiakkaan tunniste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer number</source>
        <translation>Asiakasnumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s e-mail</source>
        <translation>Asiakkaan sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s phone</source>
        <translation>Asiakkaan puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product code (SKU)</source>
        <translation>Tuotekoodi (SKU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Tuote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Määrä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>Yksikköhinta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line total</source>
        <translation>Rivin summa</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Import customers or purchases</source>
        <translation>Tuo asiakkaita tai ostoja</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customers</source>
        <translation>Asiakkaat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Purchases</source>
        <translation>Ostot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the file holds</source>
        <translation>Tiedoston sisältö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose file…</source>
        <translation>&amp;Valitse tiedosto…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+201"/>
        <source>No file chosen yet.</source>
        <translation>Tiedostoa ei ole vielä valittu.</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Rows without a language:</source>
        <translation>Rivit, joilla ei ole kieltä:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Columns of the file</source>
        <translation>Tiedoston sarakkeet</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+181"/>
        <source>First rows of the file</source>
        <translation>Tiedoston ensimmäiset rivit</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>&amp;Save refused rows…</source>
        <translation>Tallenna &amp;hylätyt rivit…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;heck</source>
        <translation>Tar&amp;kista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the whole file and list every problem; nothing is imported.</source>
        <translation>Lukee koko tiedoston ja listaa kaikki ongelmat; mitään ei tuoda.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>&amp;Tuo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Finish it</source>
        <translation>&amp;Vie loppuun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge the rest of the checked rows.</source>
        <translation>Tallenna loput tarkistetut rivit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove it</source>
        <translation>&amp;Poista se</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the customers it added and put back those it changed.</source>
        <translation>Poistaa sen lisäämät asiakkaat ja palauttaa sen muuttamat ennalleen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Columns and where they go</source>
        <translation>Sarakkeet ja niiden kohteet</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The shop&apos;s: %1</source>
        <translation>Liikkeen kieli: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The import of %1 was interrupted: %2 of %3 customers added, %4 updated. Finish it, or remove it, before the next import.</source>
        <translation>Tiedoston %1 tuonti keskeytyi: %2/%3 asiakasta lisätty, %4 päivitetty. Vie se loppuun tai poista se ennen seuraavaa tuontia.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove the interrupted import</source>
        <translation>Poista keskeytynyt tuonti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the customers it added and put back those it changed? Customers staff have recorded something for since stay.</source>
        <translation>Poistetaanko sen lisäämät asiakkaat ja palautetaanko sen muuttamat ennalleen? Asiakkaat, joille henkilökunta on sillä välin kirjannut jotain, jäävät.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Finishing the interrupted import…</source>
        <translation>Viedään keskeytynyttä tuontia loppuun…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removing the interrupted import…</source>
        <translation>Poistetaan keskeytynyttä tuontia…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the file to import</source>
        <translation>Valitse tuotava tiedosto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-tiedostot (*.csv *.txt);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Problems with the file&apos;s columns</source>
        <translation>Ongelmia tiedoston sarakkeissa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These columns cannot be imported as they are: choose where each one goes, or “(not imported)”.</source>
        <translation>Näitä sarakkeita ei voi tuoda sellaisenaan: valitse kullekin kohde tai ”(ei tuoda)”.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>First rows of the file, as they would be imported</source>
        <translation>Tiedoston ensimmäiset rivit sellaisina kuin ne tuotaisiin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the file to see every problem before importing.</source>
        <translation>Tarkista tiedosto ennen tuontia, niin näet kaikki ongelmat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first rows read well. Check the whole file; import it once the interrupted import above is finished or removed.</source>
        <translation>Ensimmäiset rivit luettiin hyvin. Tarkista koko tiedosto; tuo se, kun yllä oleva keskeytynyt tuonti on viety loppuun tai poistettu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first rows read well. Check the whole file, or import it.</source>
        <translation>Ensimmäiset rivit luettiin hyvin. Tarkista koko tiedosto tai tuo se.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>%1 — %2, %3 format</source>
        <translation>%1 — %2, muoto: %3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cancelling: undoing what was done…</source>
        <translation>Peruutetaan: tehtyjä muutoksia perutaan…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save the refused rows</source>
        <translation>Tallenna hylätyt rivit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Importing… The counter can keep working meanwhile.</source>
        <translation>Tuodaan… Kassaa voi käyttää sillä aikaa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the whole file…</source>
        <translation>Tarkistetaan koko tiedostoa…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Checking rows</source>
        <translation>Rivien tarkistus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing</source>
        <translation>Valmistellaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving</source>
        <translation>Tallennetaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undoing the cancelled import</source>
        <translation>Perutun tuonnin kumoaminen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 / %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The interrupted import is removed: the customers it added are deleted and those it changed are as they were.</source>
        <translation>Keskeytynyt tuonti on poistettu: sen lisäämät asiakkaat on poistettu ja sen muuttamat ovat ennallaan.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Problems with the file</source>
        <translation>Ongelmia tiedostossa</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>Peruutettu: mitään ei tuotu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check cancelled. Nothing was imported.</source>
        <translation>Tarkistus peruutettu. Mitään ei tuotu.</translation>
    </message>
    <message numerus="yes">
        <location line="-45"/>
        <location line="+46"/>
        <source>%n customer(s) it added stay: staff recorded a purchase, complaint, voucher, letter or consent for them meanwhile.</source>
        <translation>
            <numerusform>%n tuonnin lisäämä asiakas jää: henkilökunta kirjasi hänelle sillä välin oston, reklamaation, lahjakortin, kirjeen tai suostumuksen.</numerusform>
            <numerusform>%n tuonnin lisäämää asiakasta jää: henkilökunta kirjasi heille sillä välin oston, reklamaation, lahjakortin, kirjeen tai suostumuksen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refused rows: %1</source>
        <translation>Hylätyt rivit: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused rows: the first %1 of %2</source>
        <translation>Hylätyt rivit: ensimmäiset %1 (yhteensä %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First rows, as they were read</source>
        <translation>Ensimmäiset rivit sellaisina kuin ne luettiin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows: %1 · Would add: %2 · Would update: %3 · Unchanged: %4 · Refused: %5</source>
        <translation>Rivejä: %1 · Lisättäisiin: %2 · Päivitettäisiin: %3 · Ennallaan: %4 · Hylätty: %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows: %1 · Added: %2 · Updated: %3 · Unchanged: %4 · Refused: %5</source>
        <translation>Rivejä: %1 · Lisätty: %2 · Päivitetty: %3 · Ennallaan: %4 · Hylätty: %5</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n allerg(y/ies) kept as free text: not one of the 14 EU allergens.</source>
        <translation>
            <numerusform>%n allergia säilytetty vapaana tekstinä: se ei ole mikään EU:n 14 allergeenista.</numerusform>
            <numerusform>%n allergiaa säilytetty vapaana tekstinä: ne eivät ole EU:n 14 allergeenin joukossa.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refused rows are saved: fix them in a spreadsheet and check the file again.</source>
        <translation>Hylätyt rivit on tallennettu: korjaa ne taulukkolaskennassa ja tarkista tiedosto uudelleen.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n row(s) refused, so nothing was imported. Fix them in the file (or save them to fix in a spreadsheet) and check again.</source>
        <translation>
            <numerusform>%n rivi hylättiin, joten mitään ei tuotu. Korjaa se tiedostoon (tai tallenna se ja korjaa taulukkolaskennassa) ja tarkista uudelleen.</numerusform>
            <numerusform>%n riviä hylättiin, joten mitään ei tuotu. Korjaa ne tiedostoon (tai tallenna ne ja korjaa taulukkolaskennassa) ja tarkista uudelleen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The whole file reads well: nothing has been imported yet. Import it when ready.</source>
        <translation>Koko tiedosto luettiin hyvin: mitään ei ole vielä tuotu. Tuo se, kun olet valmis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import finished.</source>
        <translation>Tuonti valmis.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was imported: an earlier import was interrupted. Finish it or remove it first (above).</source>
        <translation>Mitään ei tuotu: aiempi tuonti keskeytyi. Vie se loppuun tai poista se ensin (yllä).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was imported: the file cannot be read as it is (%1).</source>
        <translation>Mitään ei tuotu: tiedostoa ei voi lukea sellaisenaan (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was imported: %1</source>
        <translation>Mitään ei tuotu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be read: %1</source>
        <translation>Tiedostoa ei voi lukea: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: something went wrong (%1).</source>
        <translation>Mitään ei tuotu: jokin meni vikaan (%1).</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../../widgets/import_models.py" line="+126"/>
        <source>Line</source>
        <translation>Rivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Ongelmat</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row</source>
        <translation>Rivin tiedot</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <location filename="../../widgets/import_run.py" line="+83"/>
        <source>Importing needs a database file.</source>
        <translation>Tuontiin tarvitaan tietokantatiedosto.</translation>
    </message>
</context>
<context>
    <name>ImportUi</name>
    <message>
        <location filename="../../console/import_ui.py" line="+33"/>
        <source>Import</source>
        <translation>Tuonti</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../widgets/labels.py" line="+21"/>
        <source>New</source>
        <translation>Uusi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bronze</source>
        <translation>Pronssi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silver</source>
        <translation>Hopea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold</source>
        <translation>Kulta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platinum</source>
        <translation>Platina</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lively</source>
        <translation>Eloisa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisive</source>
        <translation>Päättäväinen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steady</source>
        <translation>Vakaa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analytical</source>
        <translation>Analyyttinen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enjoys a chat: be warm, share what is new, keep it light.</source>
        <translation>Tykkää jutella: ole lämmin, kerro uutuuksista, pidä tunnelma kevyenä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Values time: be brief, give the options, let them choose.</source>
        <translation>Arvostaa aikaa: ole lyhytsanainen, kerro vaihtoehdot ja anna asiakkaan valita.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Likes the familiar: be calm and friendly, no pressure, remember the usual.</source>
        <translation>Pitää tutusta: ole rauhallinen ja ystävällinen, älä painosta, muista tavallinen tilaus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wants facts: give precise details, ingredients and prices; do not rush.</source>
        <translation>Haluaa faktoja: kerro tarkat tiedot, ainesosat ja hinnat, älä hoputa.</translation>
    </message>
</context>
<context>
    <name>LetterHistoryPanel</name>
    <message>
        <location filename="../../widgets/letter_history.py" line="+93"/>
        <source>Letters sent</source>
        <translation>Lähetetyt kirjeet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letters</source>
        <translation>Kirjeet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reprint…</source>
        <translation>Tulosta uudelleen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a copy…</source>
        <translation>Tallenna kopio…</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Save a copy of the letter</source>
        <translation>Tallenna kopio kirjeestä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>Tiedostoa {path} ei voi tallentaa: {reason}</translation>
    </message>
</context>
<context>
    <name>LetterListModel</name>
    <message>
        <location line="-128"/>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>Kirje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint</source>
        <translation>Reklamaatio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>Tekijä</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Apology</source>
        <translation>Anteeksipyyntö</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thank you</source>
        <translation>Kiitos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>Syntymäpäivä</translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message>
        <location filename="../../widgets/letter_preview.py" line="+109"/>
        <source>The printer could not be started. Check that it is connected and try again.</source>
        <translation>Tulostinta ei voitu käynnistää. Tarkista, että se on kytketty, ja yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Apology</source>
        <translation>Anteeksipyyntö</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thank you</source>
        <translation>Kiitos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>Syntymäpäivä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic</source>
        <translation>Automaattinen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loyal customer</source>
        <translation>Kanta-asiakas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliment</source>
        <translation>Kehu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After a resolved complaint</source>
        <translation>Ratkaistun reklamaation jälkeen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>Ehdotus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Complaint or compliment the letter is about</source>
        <translation>Reklamaatio tai kehu, jota kirje koskee</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voucher printed on the letter</source>
        <translation>Kirjeeseen tulostettava kuponki</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind of letter</source>
        <translation>Kirjeen tyyppi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the thank-you is for</source>
        <translation>Mistä kiitetään</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the letter</source>
        <translation>Kirjeen kieli</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter text</source>
        <translation>Kirjeen teksti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter&apos;s text; a blank line starts a new paragraph.</source>
        <translation>Kirjeen teksti. Tyhjä rivi aloittaa uuden kappaleen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reset text</source>
        <translation>Palauta teksti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update preview</source>
        <translation>Päivitä esikatselu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>Tulosta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>Tallenna PDF:nä…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Letter preview</source>
        <translation>Kirjeen esikatselu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter</source>
        <translation>Kirje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>Koskee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank-you for</source>
        <translation>Kiitoksen aihe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher</source>
        <translation>Kuponki</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text (you may edit it)</source>
        <translation>Teksti (voit muokata)</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>The customer (no complaint)</source>
        <translation>Asiakas (ei reklamaatiota)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+67"/>
        <location line="+67"/>
        <source>Discard your changes?</source>
        <translation>Hylätäänkö muutokset?</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Writing about another complaint starts again from the template. Your changes to the text will be lost.</source>
        <translation>Toista reklamaatiota koskeva kirje aloitetaan pohjasta uudelleen. Tekstiin tekemäsi muutokset menetetään.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+22"/>
        <source>No voucher</source>
        <translation>Ei kuponkia</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Choose: no voucher or a valid one</source>
        <translation>Valitse: ei kuponkia tai voimassa oleva kuponki</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Changing the voucher starts again from the template. Your changes to the text will be lost.</source>
        <translation>Kupongin vaihtaminen aloittaa pohjasta uudelleen. Tekstiin tekemäsi muutokset menetetään.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Changing the letter or its language starts again from the template. Your changes to the text will be lost.</source>
        <translation>Kirjeen tai sen kielen vaihtaminen aloittaa pohjasta uudelleen. Tekstiin tekemäsi muutokset menetetään.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Save letter as PDF</source>
        <translation>Tallenna kirje PDF:nä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>Tiedostoa {path} ei voi tallentaa: {reason}</translation>
    </message>
</context>
<context>
    <name>LettersUi</name>
    <message>
        <location filename="../../console/letters_ui.py" line="+56"/>
        <source>← Back to the profile</source>
        <translation>← Takaisin asiakastietoihin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Letter…</source>
        <translation>&amp;Kirje…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>← Home</source>
        <translation>← Etusivu</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Complaint #%1 is saved. Give the customer the apology letter?</source>
        <translation>Reklamaatio #%1 on tallennettu. Annetaanko asiakkaalle anteeksipyyntökirje?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview apology</source>
        <translation>Esikatsele anteeksipyyntö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print apology</source>
        <translation>Tulosta anteeksipyyntö</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Letter for %1…</source>
        <translation>Kirje asiakkaalle %1…</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Letters</source>
        <translation>Kirjeet</translation>
    </message>
</context>
<context>
    <name>LocalDraftsUi</name>
    <message>
        <location filename="../../console/local_drafts_ui.py" line="+83"/>
        <source>An order for %1 typed at %2 was not saved. Restore it?</source>
        <translation>Tilausta (%1, kirjoitettu %2) ei tallennettu. Palautetaanko se?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes to %1 typed at %2 were not saved. Restore them?</source>
        <translation>Muutoksia (%1, kirjoitettu %2) ei tallennettu. Palautetaanko ne?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new customer typed at %2 was not saved. Restore it?</source>
        <translation>Uutta asiakasta (kirjoitettu %2) ei tallennettu. Palautetaanko se?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A follow-up closing typed at %2 was not saved. Restore it?</source>
        <translation>Seurannan päättämistä (kirjoitettu %2) ei tallennettu. Palautetaanko se?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved entry</source>
        <translation>Tallentamaton kirjaus</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="+79"/>
        <source>Counterpart — {shop}</source>
        <translation>Counterpart — {shop}</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Home</source>
        <translation>Etusivu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New customer</source>
        <translation>Uusi asiakas</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Sign out</source>
        <translation>Kirjaudu ulos</translation>
    </message>
    <message>
        <location line="+262"/>
        <source>Nobody signed in</source>
        <translation>Kukaan ei ole kirjautunut</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed out: the console was not used for a while. Anything typed is kept for whoever typed it.</source>
        <translation>Kirjauduttu ulos: kassaa ei käytetty vähään aikaan. Kirjoitetut tiedot säilyvät kirjoittajalleen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in: {name}</source>
        <translation>Kirjautunut: {name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Purchase recorded: {total}</source>
        <translation>Osto kirjattu: {total}</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <location filename="../../widgets/nav_rail.py" line="+162"/>
        <source>Navigation</source>
        <translation>Navigointi</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../widgets/notice_bar.py" line="+34"/>
        <location line="+1"/>
        <source>Close this message</source>
        <translation>Sulje tämä ilmoitus</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <location filename="../../console/options.py" line="+36"/>
        <source>Screen language (empty: system)</source>
        <translation>Näytön kieli (tyhjä: järjestelmän kieli)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base font size (points)</source>
        <translation>Peruskirjasinkoko (pistettä)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait after a keystroke before searching (ms)</source>
        <translation>Odotus näppäilyn jälkeen ennen hakua (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purchases loaded at a time in the history</source>
        <translation>Historiaan kerralla ladattavat ostot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days ahead shown in this week&apos;s birthdays</source>
        <translation>Montako päivää eteenpäin viikon syntymäpäivissä näytetään</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Till name (this machine)</source>
        <translation>Kassan nimi (tämä laite)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database file of this till</source>
        <translation>Tämän kassan tietokantatiedosto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shop of this till</source>
        <translation>Tämän kassan liike</translation>
    </message>
</context>
<context>
    <name>PersonalDataUi</name>
    <message>
        <location filename="../../console/personal_data_ui.py" line="+40"/>
        <source>Consent</source>
        <translation>Suostumus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export data</source>
        <translation>Vie tiedot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erase data</source>
        <translation>Poista tiedot</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Review inactive customers</source>
        <translation>Tarkista passiiviset asiakkaat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personal data</source>
        <translation>Henkilötiedot</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export the customer&apos;s data</source>
        <translation>Vie asiakkaan tiedot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF and JSON (*.pdf)</source>
        <translation>PDF ja JSON (*.pdf)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export not written</source>
        <translation>Vientiä ei kirjoitettu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export written</source>
        <translation>Vienti kirjoitettu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written: {pdf} and {json}.</source>
        <translation>Kirjoitettu: {pdf} ja {json}.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n asiakas</numerusform>
            <numerusform>%n asiakasta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhrasesPanel</name>
    <message>
        <location filename="../../widgets/phrases_panel.py" line="+124"/>
        <source>Language of the phrases</source>
        <translation>Ilmausten kieli</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phrases that help</source>
        <translation>Toimivia ilmauksia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phrases to avoid</source>
        <translation>Vältettäviä ilmauksia</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../widgets/pin_pad.py" line="+54"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Delete last digit</source>
        <translation>Poista viimeinen numero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete last digit (Backspace)</source>
        <translation>Poista viimeinen numero (askelpalautin)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>Tyhjennä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear (Esc)</source>
        <translation>Tyhjennä (Esc)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the PIN (Enter)</source>
        <translation>Syötä PIN-koodi (Enter)</translation>
    </message>
    <message>
        <location line="+96"/>
        <location line="+60"/>
        <source>A PIN has digits only.</source>
        <translation>PIN-koodissa on vain numeroita.</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>A PIN has at most {n} digits.</source>
        <translation>PIN-koodissa on enintään {n} numeroa.</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n numero syötetty</numerusform>
            <numerusform>%n numeroa syötetty</numerusform>
        </translation>
    </message>
    <message>
        <location line="-13"/>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>PIN-koodissa on %1–%2 numeroa.</translation>
    </message>
</context>
<context>
    <name>PurchaseEntry</name>
    <message>
        <location filename="../../widgets/purchase_entry.py" line="+334"/>
        <source>Filter the catalogue</source>
        <translation>Suodata tuotteita</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+35"/>
        <source>Catalogue</source>
        <translation>Tuotteet</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Order lines</source>
        <translation>Tilausrivit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more of the selected line (+)</source>
        <translation>Yksi lisää valittua riviä (+)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One less of the selected line (−)</source>
        <translation>Yksi vähemmän valittua riviä (−)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected line (Delete)</source>
        <translation>Poista valittu rivi (Delete)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Record purchase</source>
        <translation>&amp;Kirjaa osto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Order</source>
        <translation>Tilaus</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Purchase for {name} ({number})</source>
        <translation>Osto: {name} ({number})</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Total: {total}</source>
        <translation>Yhteensä: {total}</translation>
    </message>
</context>
<context>
    <name>PurchaseHistoryModel</name>
    <message>
        <location filename="../../widgets/purchase_history_model.py" line="+109"/>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>Tuotteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Yhteensä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>Kuitti</translation>
    </message>
</context>
<context>
    <name>PurchaseLinesModel</name>
    <message>
        <location filename="../../widgets/purchase_entry.py" line="-291"/>
        <source>Item</source>
        <translation>Tuote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>Määrä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Hinta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line total</source>
        <translation>Rivin summa</translation>
    </message>
</context>
<context>
    <name>RecoveryChecklist</name>
    <message>
        <location filename="../../widgets/recovery_checklist.py" line="+29"/>
        <source>Recovery steps</source>
        <translation>Korjaavat toimet</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../widgets/report_panel.py" line="+144"/>
        <source>End-of-day report</source>
        <translation>Päiväraportti</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yesterday</source>
        <translation>Eilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Viimeiset 7 päivää</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This month</source>
        <translation>Tämä kuukausi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>Edellinen kuukausi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose dates</source>
        <translation>Valitse päivät</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report range</source>
        <translation>Raportin aikaväli</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+24"/>
        <source>To</source>
        <translation>Asti</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;Make report</source>
        <translation>&amp;Tee raportti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>T&amp;ulosta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>Tallenna &amp;PDF:nä…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as &amp;CSV…</source>
        <translation>Tallenna &amp;CSV:nä…</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Making the report…</source>
        <translation>Raporttia tehdään…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{complaints} complaints, {compliments} compliments, {suggestions} suggestions; {pages} pages.</source>
        <translation>Reklamaatioita {complaints}, kehuja {compliments}, ehdotuksia {suggestions}; sivuja {pages}.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Sent to the printer.</source>
        <translation>Lähetetty tulostimelle.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save report as PDF</source>
        <translation>Tallenna raportti PDF:nä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+20"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>Tiedostoa {path} ei voi tallentaa: {reason}</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Saved {path}.</source>
        <translation>Tallennettu: {path}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save report as CSV</source>
        <translation>Tallenna raportti CSV:nä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved {detail} and {summary}.</source>
        <translation>Tallennettu: {detail} ja {summary}.</translation>
    </message>
</context>
<context>
    <name>ReportUi</name>
    <message>
        <location filename="../../console/report_ui.py" line="+30"/>
        <source>Report</source>
        <translation>Raportti</translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <location filename="../../widgets/retention_panel.py" line="+52"/>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last activity</source>
        <translation>Viimeisin toiminta</translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <location line="+63"/>
        <source>Select all</source>
        <translation>Valitse kaikki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select none</source>
        <translation>Poista valinnat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase selected…</source>
        <translation>Poista valitut…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Customers with no visit, complaint or voucher in {months} months: {count}</source>
        <translation>Asiakkaat, joilla ei ole käyntiä, reklamaatiota tai kuponkia {months} kuukauteen: {count}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../widgets/search_results_model.py" line="+59"/>
        <source>{name}, tier {tier}. Enter opens the profile.</source>
        <translation>{name}, taso {tier}. Enter avaa asiakastiedot.</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <location filename="../../widgets/server_banner.py" line="+38"/>
        <source>Database server status</source>
        <translation>Tietokantapalvelimen tila</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The database server cannot be reached since %1. Retrying; what you type is kept on this till. Save again when this message is gone.</source>
        <translation>Tietokantapalvelimeen ei ole saatu yhteyttä %1 lähtien. Yritetään uudelleen; kirjoittamasi säilyy tällä kassalla. Tallenna uudelleen, kun tämä viesti on poistunut.</translation>
    </message>
</context>
<context>
    <name>ServiceUi</name>
    <message>
        <location filename="../../console/service_ui.py" line="+96"/>
        <source>New &amp;complaint / compliment</source>
        <translation>Uusi &amp;reklamaatio / kehu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Complaint history</source>
        <translation>Reklamaatiohistoria</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Complaints, compliments and suggestions</source>
        <translation>Reklamaatiot, kehut ja ehdotukset</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+11"/>
        <source>Promises due and overdue</source>
        <translation>Erääntyvät ja myöhässä olevat lupaukset</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Open follow-ups</source>
        <translation>Avaa seurannat</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Redeem a voucher</source>
        <translation>Lunasta kuponki</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in complaint</source>
        <translation>Satunnaisen asiakkaan reklamaatio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redeem voucher</source>
        <translation>Lunasta kuponki</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-ups</source>
        <translation>Seurannat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Staff</source>
        <translation>Henkilökunta</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>No promises due. Well done.</source>
        <translation>Ei erääntyviä lupauksia. Hyvää työtä!</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n due</source>
        <translation>
            <numerusform>%n erääntyvä</numerusform>
            <numerusform>%n erääntyvää</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n myöhässä</numerusform>
            <numerusform>%n myöhässä</numerusform>
        </translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Saved: %1 #%2</source>
        <translation>Tallennettu: %1 #%2</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../widgets/settings_panel.py" line="+69"/>
        <source>e.g. fi_FI</source>
        <translation>esim. fi_FI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Europe/Helsinki</source>
        <translation>esim. Europe/Helsinki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 500.00</source>
        <translation>esim. 500,00</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Supervisors and managers</source>
        <translation>Vuorovastaavat ja päälliköt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone</source>
        <translation>Kaikki</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shop name</source>
        <translation>Liikkeen nimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo file</source>
        <translation>Logotiedosto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Valuutta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale (numbers, money)</source>
        <translation>Alueasetus (luvut, rahasummat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Aikavyöhyke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup folder (empty: beside the database)</source>
        <translation>Varmuuskopiokansio (tyhjä: tietokannan vieressä)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second backup folder (USB stick, share)</source>
        <translation>Toinen varmuuskopiokansio (USB-muisti, verkkojako)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review inactive customers after (months)</source>
        <translation>Passiivisten asiakkaiden tarkistus (kuukauden jälkeen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page size</source>
        <translation>Paperikoko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report language</source>
        <translation>Raportin kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager limit per complaint</source>
        <translation>Päällikön raja reklamaatiota kohden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs before lock</source>
        <translation>Vääriä PIN-koodeja ennen lukitusta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock for (minutes)</source>
        <translation>Lukitusaika (minuuttia)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with a PIN</source>
        <translation>Kirjautuminen PIN-koodilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out when idle for (minutes)</source>
        <translation>Uloskirjaus, kun kassa on käyttämättä (minuuttia)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs at all tills before the shop locks</source>
        <translation>Vääriä PIN-koodeja kaikilla kassoilla ennen liikkeen lukitusta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest supervisor PIN (digits)</source>
        <translation>Vuorovastaavan PIN-koodin vähimmäispituus (numeroa)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest manager PIN (digits)</source>
        <translation>Päällikön PIN-koodin vähimmäispituus (numeroa)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Save settings</source>
        <translation>Tallenna asetukset</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo my edits</source>
        <translation>Peru muutokseni</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shop settings</source>
        <translation>Liikkeen asetukset</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Type a whole number.</source>
        <translation>Anna kokonaisluku.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Nothing to save: no setting was changed.</source>
        <translation>Ei tallennettavaa: mitään asetusta ei muutettu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change %1 settings:</source>
        <translation>Muutettavat asetukset (%1):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Manager: enter your PIN to save.</source>
        <translation>Päällikkö: tallenna syöttämällä PIN-koodisi.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Settings saved.</source>
        <translation>Asetukset tallennettu.</translation>
    </message>
</context>
<context>
    <name>SettingsUi</name>
    <message>
        <location filename="../../console/settings_ui.py" line="+31"/>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../widgets/sign_in_panel.py" line="+113"/>
        <source>Who is at the counter?</source>
        <translation>Kuka on kassalla?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose your name (arrow keys and Enter work too).</source>
        <translation>Valitse nimesi (myös nuolinäppäimet ja Enter toimivat).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No staff yet. A manager adds staff; for a demo run `counterpart demo`.</source>
        <translation>Ei vielä työntekijöitä. Päällikkö lisää työntekijät; esittelyä varten aja `counterpart demo`.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Staff names</source>
        <translation>Työntekijöiden nimet</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your PIN</source>
        <translation>PIN-koodisi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back to the names</source>
        <translation>&amp;Takaisin nimiin</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1, enter your PIN.</source>
        <translation>%1, syötä PIN-koodisi.</translation>
    </message>
</context>
<context>
    <name>StaffAdmin</name>
    <message>
        <location filename="../../widgets/staff_admin_panel.py" line="+55"/>
        <source>Staff</source>
        <translation>Työntekijä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Vuorovastaava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>Päällikkö</translation>
    </message>
</context>
<context>
    <name>StaffAdminPanel</name>
    <message>
        <location line="+71"/>
        <source>e.g. 50.00</source>
        <translation>esim. 50,00</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>New PIN</source>
        <translation>Uusi PIN-koodi</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rooli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit per complaint</source>
        <translation>Raja reklamaatiota kohden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New</source>
        <translation>Uusi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty the fields to add someone new</source>
        <translation>Tyhjennä kentät lisätäksesi uuden henkilön</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add staff member</source>
        <translation>Lisää työntekijä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role or limit</source>
        <translation>Muuta roolia tai rajaa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate</source>
        <translation>Poista käytöstä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset PIN</source>
        <translation>Vaihda PIN-koodi</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Staff</source>
        <translation>Henkilökunta</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Manager: enter your PIN to confirm.</source>
        <translation>Päällikkö: vahvista syöttämällä PIN-koodisi.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a staff member in the list first.</source>
        <translation>Valitse ensin työntekijä listasta.</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>PIN-koodissa on 4–8 numeroa.</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>4 to 12 digits</source>
        <translation>4–12 numeroa</translation>
    </message>
    <message>
        <location line="+150"/>
        <location line="+83"/>
        <source>A name is required.</source>
        <translation>Nimi on pakollinen.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>PIN-koodissa on %1–%2 numeroa.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add %1 as %2.</source>
        <translation>Lisää %1 rooliin %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change %1 to %2.</source>
        <translation>Muuta henkilön %1 rooliksi %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deactivate %1. Their PIN stops working.</source>
        <translation>Poista %1 käytöstä. PIN-koodi lakkaa toimimasta.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Set a new PIN for %1.</source>
        <translation>Aseta uusi PIN-koodi: %1.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saved: %1.</source>
        <translation>Tallennettu: %1.</translation>
    </message>
</context>
<context>
    <name>StaffListModel</name>
    <message>
        <location filename="../../widgets/sign_in_panel.py" line="-155"/>
        <source>Staff</source>
        <translation>Työntekijä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Vuorovastaava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>Päällikkö</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../widgets/staff_admin_panel.py" line="-359"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rooli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>Raja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Käytössä</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>settings</source>
        <translation>asetuksissa</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Yes</source>
        <translation>Kyllä</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Ei</translation>
    </message>
</context>
<context>
    <name>StaleDraftsModel</name>
    <message>
        <location filename="../../widgets/stale_drafts_panel.py" line="+49"/>
        <source>Typed by</source>
        <translation>Kirjoittaja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About</source>
        <translation>Koskee</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last changed</source>
        <translation>Viimeksi muutettu</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unknown (an older draft)</source>
        <translation>Tuntematon (vanhempi luonnos)</translation>
    </message>
</context>
<context>
    <name>StaleDraftsPanel</name>
    <message>
        <location line="+31"/>
        <source>Unsaved drafts</source>
        <translation>Tallentamattomat luonnokset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries typed but never saved, and not taken up again by whoever typed them. Discard those nobody needs.</source>
        <translation>Kirjauksia, joita ei tallennettu eikä niiden kirjoittaja ole jatkanut. Hylkää ne, joita kukaan ei tarvitse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Discard the selected draft</source>
        <translation>&amp;Hylkää valittu luonnos</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Walk-in</source>
        <translation>Satunnaisasiakas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>someone</source>
        <translation>joku</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard draft</source>
        <translation>Hylkää luonnos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw away the unsaved entry %1 typed? It cannot be brought back.</source>
        <translation>Hylätäänkö tallentamaton kirjaus, jonka %1 kirjoitti? Sitä ei voi palauttaa.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../widgets/status_line.py" line="+23"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
</context>
<context>
    <name>TillNamePanel</name>
    <message>
        <location filename="../../widgets/till_name_panel.py" line="+25"/>
        <source>Name this till</source>
        <translation>Nimeä tämä kassa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This till</source>
        <translation>Tämä kassa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every till sharing the shop&apos;s database has its own name. It is recorded on the complaints, purchases, authorisations, letters and vouchers written here, and named when two tills change the same complaint. It belongs to this machine.</source>
        <translation>Jokaisella myymälän tietokantaa jakavalla kassalla on oma nimensä. Se tallennetaan täällä kirjattuihin reklamaatioihin, ostoksiin, hyväksyntöihin, kirjeisiin ja lahjakortteihin, ja se mainitaan, kun kaksi kassaa muuttaa samaa reklamaatiota. Nimi kuuluu tälle laitteelle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded on what this till writes. It is kept on this machine, apart from the shop settings below, which every till shares.</source>
        <translation>Tallennetaan kaikkeen, mitä tämä kassa kirjaa. Se säilytetään tällä laitteella, erillään alla olevista myymälän asetuksista, jotka kaikki kassat jakavat.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. Till 1, Bar, Terrace</source>
        <translation>esim. Kassa 1, Baari, Terassi</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Till name</source>
        <translation>Kassan nimi</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Continue</source>
        <translation>Jatka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save till name</source>
        <translation>Tallenna kassan nimi</translation>
    </message>
</context>
<context>
    <name>TillUi</name>
    <message>
        <location filename="../../console/till_ui.py" line="+115"/>
        <source>This till is now called %1.</source>
        <translation>Tämän kassan nimi on nyt %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Till: %1</source>
        <translation>Kassa: %1</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <location filename="../../widgets/unsaved_changes.py" line="+83"/>
        <source>Throw away your changes?</source>
        <translation>Hylätäänkö muutokset?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed on this screen has not been saved. Throw it away?</source>
        <translation>Tälle näkymälle kirjoittamaasi ei ole tallennettu. Hylätäänkö se?</translation>
    </message>
</context>
<context>
    <name>VoucherRedeemPanel</name>
    <message>
        <location filename="../../widgets/voucher_redeem_panel.py" line="+32"/>
        <source>Voucher code, e.g. 7KQ2-M9XD</source>
        <translation>Kupongin koodi, esim. 7KQ2-M9XD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher code</source>
        <translation>Kupongin koodi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your PIN</source>
        <translation>PIN-koodisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN of the person taking the voucher</source>
        <translation>Kupongin vastaanottajan PIN-koodi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeem</source>
        <translation>Lunasta</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Type your PIN to take the voucher.</source>
        <translation>Ota kuponki vastaan syöttämällä PIN-koodisi.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Voucher %1 redeemed: %2 off.</source>
        <translation>Kuponki %1 lunastettu: %2 alennusta.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/app.py" line="+124"/>
        <source>Database problem</source>
        <translation>Tietokantaongelma</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Something went wrong</source>
        <translation>Jokin meni vikaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unexpected error happened. What was saved is safe.

{error}</source>
        <translation>Tapahtui odottamaton virhe. Tallennetut tiedot ovat tallessa.

{error}</translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <location filename="../../console/cmd_run.py" line="+242"/>
        <source>Cannot open the database</source>
        <translation>Tietokantaa ei voi avata</translation>
    </message>
</context>
<context>
    <name>server_away</name>
    <message>
        <location filename="../../widgets/server_away.py" line="+31"/>
        <source>Not available while the database server is away.</source>
        <translation>Ei käytettävissä, kun tietokantapalvelimeen ei saada yhteyttä.</translation>
    </message>
</context>
<context>
    <name>server_ui</name>
    <message>
        <location filename="../../console/server_ui.py" line="+45"/>
        <source>The database server is back. Anything not saved can be saved now.</source>
        <translation>Tietokantapalvelin on taas tavoitettavissa. Tallentamattomat tiedot voi nyt tallentaa.</translation>
    </message>
</context>
<context>
    <name>show_error</name>
    <message>
        <location filename="../../widgets/errors.py" line="+39"/>
        <source>Please check the form</source>
        <translation>Tarkista lomake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not allowed</source>
        <translation>Ei sallittu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found</source>
        <translation>Ei löytynyt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database problem</source>
        <translation>Tietokantaongelma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported</source>
        <translation>Mitään ei tuotu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot do that</source>
        <translation>Ei onnistu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong</source>
        <translation>Jokin meni vikaan</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>An unexpected error happened and nothing was saved. Please tell the manager: {error}</source>
        <translation>Tapahtui odottamaton virhe, eikä mitään tallennettu. Kerro asiasta päällikölle: {error}</translation>
    </message>
</context>
</TS>
