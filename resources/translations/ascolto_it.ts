<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AddHelpDeskDialog</name>
    <message>
        <source>Add a help desk</source>
        <translation>Aggiungi uno sportello</translation>
    </message>
    <message>
        <source>Help desk name</source>
        <translation>Nome dello sportello</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Comune</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>&amp;Comune:</translation>
    </message>
    <message>
        <source>&amp;Add help desk</source>
        <translation>&amp;Aggiungi sportello</translation>
    </message>
    <message>
        <source>Enter the name of the help desk.</source>
        <translation>Inserisci il nome dello sportello.</translation>
    </message>
</context>
<context>
    <name>AddOperatorDialog</name>
    <message>
        <source>Add an operator</source>
        <translation>Aggiungi un’operatrice</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nome e cognome</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>(all help desks)</source>
        <translation>(tutti gli sportelli)</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nome e cognome:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Ruolo:</translation>
    </message>
    <message>
        <source>&amp;Help desk:</source>
        <translation>&amp;Sportello:</translation>
    </message>
    <message>
        <source>Tell her the password in person; she can change it after her first login.</source>
        <translation>Comunica la password di persona; potrà cambiarla dopo il primo accesso.</translation>
    </message>
    <message>
        <source>&amp;Add operator</source>
        <translation>&amp;Aggiungi operatrice</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Inserisci un nome utente.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>Amministrazione</translation>
    </message>
    <message>
        <source>&amp;Operators</source>
        <translation>&amp;Operatrici</translation>
    </message>
    <message>
        <source>&amp;Help desks</source>
        <translation>&amp;Sportelli</translation>
    </message>
    <message>
        <source>&amp;Security and settings</source>
        <translation>Si&amp;curezza e impostazioni</translation>
    </message>
    <message>
        <source>&amp;Backup</source>
        <translation>Bac&amp;kup</translation>
    </message>
    <message>
        <source>&amp;Retention</source>
        <translation>Conser&amp;vazione</translation>
    </message>
    <message>
        <source>Str&amp;ucture (ISTAT)</source>
        <translation>St&amp;ruttura (ISTAT)</translation>
    </message>
    <message>
        <source>PCs &amp;in the centre</source>
        <translation>PC &amp;del centro</translation>
    </message>
</context>
<context>
    <name>AdministratorPage</name>
    <message>
        <source>First administrator</source>
        <translation>Prima amministratrice</translation>
    </message>
    <message>
        <source>She manages accounts, help desks and settings. Other operators are added later.</source>
        <translation>Gestisce account, sportelli e impostazioni. Le altre operatrici si aggiungono in seguito.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nome e cognome</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>e.g. mrossi</source>
        <translation>es. mrossi</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nome e cognome:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>C&amp;rea</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>◀ P&amp;revious week</source>
        <translation>◀ Settimana &amp;precedente</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>&amp;Questa settimana</translation>
    </message>
    <message>
        <source>Ne&amp;xt week ▶</source>
        <translation>Settimana s&amp;uccessiva ▶</translation>
    </message>
    <message>
        <source>Help desk of the agenda</source>
        <translation>Sportello dell&apos;agenda</translation>
    </message>
    <message>
        <source>Appointments with</source>
        <translation>Appuntamenti con</translation>
    </message>
    <message>
        <source>Reviews and deadlines belong to the help desk: they stay shown.</source>
        <translation>Verifiche e scadenze sono dello sportello: restano visibili.</translation>
    </message>
    <message>
        <source>Help d&amp;esk:</source>
        <translation>Sport&amp;ello:</translation>
    </message>
    <message>
        <source>Appointments wi&amp;th:</source>
        <translation>Appuntamenti &amp;con:</translation>
    </message>
    <message>
        <source>The week&apos;s appointments, reviews and deadlines</source>
        <translation>Appuntamenti, verifiche e scadenze della settimana</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>Apr&amp;i il caso</translation>
    </message>
    <message>
        <source>with &amp;names</source>
        <translation>con &amp;nomi</translation>
    </message>
    <message>
        <source>Print her name beside the case code. Recorded in the audit trail; keep the paper locked away.</source>
        <translation>Stampa il suo nome accanto al codice del caso. Resta nel registro degli accessi; custodisci il foglio sotto chiave.</translation>
    </message>
    <message>
        <source>&amp;Print the week…</source>
        <translation>S&amp;tampa la settimana…</translation>
    </message>
    <message>
        <source>Enter or a double click opens the case.</source>
        <translation>Invio o un doppio clic apre il caso.</translation>
    </message>
    <message>
        <source>— anyone —</source>
        <translation>— chiunque —</translation>
    </message>
    <message>
        <source>All help desks</source>
        <translation>Tutti gli sportelli</translation>
    </message>
    <message>
        <source>{day} (today)</source>
        <translation>{day} (oggi)</translation>
    </message>
    <message>
        <source>nothing planned</source>
        <translation>niente in programma</translation>
    </message>
    <message>
        <source>Pathway review</source>
        <translation>Verifica del percorso</translation>
    </message>
    <message>
        <source>Goal deadline: {area}</source>
        <translation>Scadenza dell&apos;obiettivo: {area}</translation>
    </message>
    <message>
        <source>Choose a line first.</source>
        <translation>Scegli prima una riga.</translation>
    </message>
    <message>
        <source>This hour is booked for a case of another help desk: that desk manages it.</source>
        <translation>Quest&apos;ora è prenotata per un caso di un altro sportello: lo gestisce quello sportello.</translation>
    </message>
    <message>
        <source>Save the week</source>
        <translation>Salva la settimana</translation>
    </message>
    <message>
        <source>Week saved: {name} ({count} lines)</source>
        <translation>Settimana salvata: {name} ({count} righe)</translation>
    </message>
</context>
<context>
    <name>AgreePathwayDialog</name>
    <message>
        <source>Agree the pathway — {code}</source>
        <translation>Concorda il percorso — {code}</translation>
    </message>
    <message>
        <source>Date agreed</source>
        <translation>Data dell’accordo</translation>
    </message>
    <message>
        <source>&amp;Agreed on:</source>
        <translation>&amp;Concordato il:</translation>
    </message>
    <message>
        <source>&amp;Next review:</source>
        <translation>&amp;Prossima verifica:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <source>The case becomes “pathway in progress” (taken in charge).</source>
        <translation>Il caso passa a “percorso in corso” (presa in carico).</translation>
    </message>
</context>
<context>
    <name>AnonymousContactPage</name>
    <message>
        <source>Anonymous contact</source>
        <translation>Contatto anonimo</translation>
    </message>
    <message>
        <source>She did not consent to processing: no case is opened.</source>
        <translation>Non ha dato il consenso al trattamento: non viene aperto alcun caso.</translation>
    </message>
    <message>
        <source>Only an anonymous count is kept: the date, the help desk, how she reached the centre and how she made contact. No name, no contact details, no notes. She can come back at any time.</source>
        <translation>Si conserva solo un conteggio anonimo: la data, lo sportello, come è arrivata al centro e come ha preso contatto. Nessun nome, nessun recapito, nessuna nota. Può tornare quando vuole.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Quick &amp;hide</source>
        <translation>Nascondi &amp;subito</translation>
    </message>
    <message>
        <source>Blank the window at once and lock (Ctrl+Shift+H)</source>
        <translation>Svuota subito la finestra e blocca (Ctrl+Maiusc+H)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Blocca</translation>
    </message>
    <message>
        <source>Lock Ascolto now (Ctrl+L)</source>
        <translation>Blocca Ascolto adesso (Ctrl+L)</translation>
    </message>
    <message>
        <source>Opening Ascolto…</source>
        <translation>Apertura di Ascolto…</translation>
    </message>
</context>
<context>
    <name>AppointmentBox</name>
    <message>
        <source>Ne&amp;xt appointment</source>
        <translation>Prossimo &amp;appuntamento</translation>
    </message>
</context>
<context>
    <name>AppointmentFields</name>
    <message>
        <source>Day of the appointment</source>
        <translation>Giorno dell&apos;appuntamento</translation>
    </message>
    <message>
        <source>Time of the appointment</source>
        <translation>Ora dell&apos;appuntamento</translation>
    </message>
    <message>
        <source>Help desk of the appointment</source>
        <translation>Sportello dell&apos;appuntamento</translation>
    </message>
    <message>
        <source>Operator she will meet</source>
        <translation>Operatrice che la incontrerà</translation>
    </message>
    <message>
        <source>— anyone —</source>
        <translation>— chiunque —</translation>
    </message>
    <message>
        <source>What the appointment is for</source>
        <translation>A cosa serve l&apos;appuntamento</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Giorno:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Ora:</translation>
    </message>
    <message>
        <source>Help desk:</source>
        <translation>Sportello:</translation>
    </message>
    <message>
        <source>With:</source>
        <translation>Con:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Per:</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>Day</source>
        <translation>Giorno</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>a case of another help desk</source>
        <translation>un caso di un altro sportello</translation>
    </message>
</context>
<context>
    <name>BackupReminderBanner</name>
    <message>
        <source>Bac&amp;k up now…</source>
        <translation>Fai il &amp;backup ora…</translation>
    </message>
    <message>
        <source>No backup of the database has been made yet. Make one now.</source>
        <translation>Non è ancora stato fatto alcun backup dell’archivio. Fallo ora.</translation>
    </message>
    <message>
        <source>The last backup was made on {date}, more than {days} days ago. Make a new one.</source>
        <translation>L’ultimo backup risale al {date}, più di {days} giorni fa. Fanne uno nuovo.</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>Remind me when the last backup is older than</source>
        <translation>Avvisami quando l’ultimo backup è più vecchio di</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Sa&amp;lva</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Avanzamento del backup</translation>
    </message>
    <message>
        <source>A backup is encrypted with the same passwords and recovery key as the database. Keep it on a USB stick or disk stored away from this computer.</source>
        <translation>Il backup è cifrato con le stesse password e la stessa chiave di recupero dell’archivio. Conservalo su una chiavetta USB o un disco tenuti lontano da questo computer.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Ultimo backup:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Ripristino</translation>
    </message>
    <message>
        <source>Bring back the database as it was when a backup was made, for example after a disk failure. The database in use now is kept aside, never deleted.</source>
        <translation>Riporta l’archivio com’era al momento del backup, per esempio dopo un guasto del disco. L’archivio in uso viene messo da parte, mai cancellato.</translation>
    </message>
    <message>
        <source>Back up &amp;now…</source>
        <translation>&amp;Fai il backup ora…</translation>
    </message>
    <message>
        <source>Re&amp;mind after:</source>
        <translation>&amp;Avvisa dopo:</translation>
    </message>
    <message>
        <source>Res&amp;tore…</source>
        <translation>R&amp;ipristina…</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Non è ancora stato fatto alcun backup.</translation>
    </message>
    <message>
        <source>{when}</source>
        <translation>{when}</translation>
    </message>
    <message>
        <source>(a backup is due)</source>
        <translation>(è ora di fare un backup)</translation>
    </message>
    <message>
        <source>Choose where to save the backup</source>
        <translation>Scegli dove salvare il backup</translation>
    </message>
    <message>
        <source>Writing and checking the backup…</source>
        <translation>Scrittura e verifica del backup…</translation>
    </message>
    <message>
        <source>Backup written and checked: {name}
in {folder}</source>
        <translation>Backup scritto e verificato: {name}
in {folder}</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>Scegli il backup da ripristinare</translation>
    </message>
    <message>
        <source>Ascolto backups (*.ascbak)</source>
        <translation>Backup di Ascolto (*.ascbak)</translation>
    </message>
    <message>
        <source>The backup was not restored: {reason}

The current database is unchanged. Ascolto locked itself: sign in again.</source>
        <translation>Il backup non è stato ripristinato: {reason}

L’archivio attuale non è cambiato. Ascolto si è bloccato: accedi di nuovo.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ignora</translation>
    </message>
</context>
<context>
    <name>BirthDateEdit</name>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>La data di nascita non può essere nel futuro.</translation>
    </message>
    <message>
        <source>The date of birth must be between {low} and {high}.</source>
        <translation>La data di nascita deve essere tra il {low} e il {high}.</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>Save the copy of her data</source>
        <translation>Salva la copia dei suoi dati</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>&amp;Sospendi</translation>
    </message>
    <message>
        <source>&amp;Close with outcome…</source>
        <translation>&amp;Chiudi con esito…</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Riapri</translation>
    </message>
    <message>
        <source>Case s&amp;ummary…</source>
        <translation>Ri&amp;epilogo del caso…</translation>
    </message>
    <message>
        <source>&amp;Erase her identity…</source>
        <translation>Cancella la sua &amp;identità…</translation>
    </message>
    <message>
        <source>Action&amp;s</source>
        <translation>Azi&amp;oni</translation>
    </message>
    <message>
        <source>Case actions</source>
        <translation>Azioni sul caso</translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation>Ri&amp;prendi</translation>
    </message>
    <message>
        <source>Case suspended</source>
        <translation>Caso sospeso</translation>
    </message>
    <message>
        <source>Case resumed</source>
        <translation>Caso ripreso</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Riapri</translation>
    </message>
    <message>
        <source>Reopen case {code}?</source>
        <translation>Riaprire il caso {code}?</translation>
    </message>
    <message>
        <source>Case reopened</source>
        <translation>Caso riaperto</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>Caso chiuso</translation>
    </message>
    <message>
        <source>Identity erased</source>
        <translation>Identità cancellata</translation>
    </message>
    <message>
        <source>Summary saved</source>
        <translation>Riepilogo salvato</translation>
    </message>
    <message>
        <source>Copy for her</source>
        <translation>Copia per lei</translation>
    </message>
    <message>
        <source>The PDF contains her personal data. Continue?</source>
        <translation>Il PDF contiene i suoi dati personali. Vuoi continuare?</translation>
    </message>
    <message>
        <source>Save it only where no one else can read it (not a shared folder), print it for her, then delete the file.</source>
        <translation>Salvalo solo dove nessun altro può leggerlo (non in una cartella condivisa), stampalo per lei, poi elimina il file.</translation>
    </message>
    <message>
        <source>Copy saved: {name}</source>
        <translation>Copia salvata: {name}</translation>
    </message>
</context>
<context>
    <name>CaseFileView</name>
    <message>
        <source>← &amp;Cases</source>
        <translation>← &amp;Casi</translation>
    </message>
    <message>
        <source>Back to the case list (Esc)</source>
        <translation>Torna all’elenco dei casi (Esc)</translation>
    </message>
    <message>
        <source>Copy for &amp;her…</source>
        <translation>Copia per &amp;lei…</translation>
    </message>
    <message>
        <source>A PDF of everything held on her, to hand to her (right of access)</source>
        <translation>Un PDF con tutti i dati conservati su di lei, da consegnarle (diritto di accesso)</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profilo</translation>
    </message>
    <message>
        <source>C&amp;onsents</source>
        <translation>Consen&amp;si</translation>
    </message>
    <message>
        <source>&amp;Interviews</source>
        <translation>Collo&amp;qui</translation>
    </message>
    <message>
        <source>&amp;Risk</source>
        <translation>Risc&amp;hio</translation>
    </message>
    <message>
        <source>Pa&amp;thway</source>
        <translation>Pe&amp;rcorso</translation>
    </message>
    <message>
        <source>Ser&amp;vices</source>
        <translation>Presta&amp;zioni</translation>
    </message>
    <message>
        <source>Re&amp;ferrals</source>
        <translation>&amp;Invii</translation>
    </message>
    <message>
        <source>Docume&amp;nts</source>
        <translation>Documen&amp;ti</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>Cronolo&amp;gia</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Case code</source>
        <translation>Codice caso</translation>
    </message>
    <message>
        <source>(identity erased)</source>
        <translation>(identità cancellata)</translation>
    </message>
    <message>
        <source>Help desk: {desk}</source>
        <translation>Sportello: {desk}</translation>
    </message>
    <message>
        <source>opened on {day}</source>
        <translation>aperto il {day}</translation>
    </message>
    <message>
        <source>taken in charge on {day}</source>
        <translation>presa in carico il {day}</translation>
    </message>
    <message>
        <source>closed on {day}</source>
        <translation>chiuso il {day}</translation>
    </message>
    <message>
        <source>next review {day}</source>
        <translation>prossima verifica {day}</translation>
    </message>
    <message>
        <source>⚠  DO NOT CONTACT HER. She has not agreed to be contacted (or withdrew it): do not call, text or write, even if a number is on file.</source>
        <translation>⚠  NON CONTATTARLA. Non ha acconsentito a essere contattata (o ha revocato il consenso): non chiamarla, non mandarle messaggi e non scriverle, anche se in scheda c’è un numero.</translation>
    </message>
    <message>
        <source>⚠  DO NOT CONTACT HER. She has not agreed to be contacted (or withdrew it): do not call, text or write.</source>
        <translation>⚠  NON CONTATTARLA. Non ha acconsentito a essere contattata (o ha revocato il consenso): non chiamarla, non mandarle messaggi e non scriverle.</translation>
    </message>
    <message>
        <source>Consent to processing withdrawn — record frozen. Her identity and notes were erased; nothing more can be recorded.</source>
        <translation>Consenso al trattamento revocato — scheda bloccata. La sua identità e le note sono state cancellate; non si può registrare altro.</translation>
    </message>
    <message>
        <source>next appointment: {day} at {time}, {purpose} ({desk})</source>
        <translation>prossimo appuntamento: {day} alle {time}, {purpose} ({desk})</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Aperto il</translation>
    </message>
    <message>
        <source>This column cannot be sorted yet</source>
        <translation>Non è ancora possibile ordinare questa colonna</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <source>Cases</source>
        <translation>Casi</translation>
    </message>
    <message>
        <source>&amp;New case (intake)…</source>
        <translation>&amp;Nuovo caso (accoglienza)…</translation>
    </message>
    <message>
        <source>Start the intake of a woman: consent first (Ctrl+Shift+N)</source>
        <translation>Avvia l’accoglienza di una donna: prima il consenso (Ctrl+Maiusc+N)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Cerca casi</translation>
    </message>
    <message>
        <source>Search by case code or name  (Ctrl+F)</source>
        <translation>Cerca per codice caso o nome  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro per stato</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Casi aperti</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>Casi chiusi</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Tutti i casi</translation>
    </message>
    <message>
        <source>Help desk filter</source>
        <translation>Filtro per sportello</translation>
    </message>
    <message>
        <source>All help desks</source>
        <translation>Tutti gli sportelli</translation>
    </message>
    <message>
        <source>Search in n&amp;otes</source>
        <translation>Cerca nelle n&amp;ote</translation>
    </message>
    <message>
        <source>Find the cases whose notes, interviews, goals and reviews hold every word typed</source>
        <translation>Trova i casi le cui note, colloqui, obiettivi e verifiche contengono tutte le parole scritte</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>S&amp;tato:</translation>
    </message>
    <message>
        <source>&amp;Help desk:</source>
        <translation>&amp;Sportello:</translation>
    </message>
    <message>
        <source>Show &amp;all cases</source>
        <translation>Mostra t&amp;utti i casi</translation>
    </message>
    <message>
        <source>Words in the notes  (Ctrl+F)</source>
        <translation>Parole nelle note  (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) whose notes hold the words</source>
        <translation>
            <numerusform>Casi con le parole nelle note: %n</numerusform>
            <numerusform>Casi con le parole nelle note: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>(from the most recent notes: add a word to narrow the search)</source>
        <translation>(dalle note più recenti: aggiungi una parola per restringere la ricerca)</translation>
    </message>
    <message>
        <source>No note of the cases you can see holds these words.
Check the spelling, or look among all statuses.</source>
        <translation>Nessuna nota dei casi che puoi vedere contiene queste parole.
Controlla l&apos;ortografia, o cerca tra tutti gli stati.</translation>
    </message>
    <message>
        <source>Type one or more words to find them in the notes and interviews.</source>
        <translation>Scrivi una o più parole per cercarle nelle note e nei colloqui.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>Casi: %n</numerusform>
            <numerusform>Casi: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No case matches “{text}”.
Check the spelling, or look among all statuses.</source>
        <translation>Nessun caso corrisponde a “{text}”.
Controlla come l’hai scritto, oppure cerca tra tutti gli stati.</translation>
    </message>
    <message>
        <source>No case with this status.</source>
        <translation>Nessun caso in questo stato.</translation>
    </message>
    <message>
        <source>No open cases yet.
Start with “New case (intake)” when a woman agrees to be followed.</source>
        <translation>Non ci sono ancora casi aperti.
Inizia con “Nuovo caso (accoglienza)” quando una donna accetta di essere seguita.</translation>
    </message>
</context>
<context>
    <name>CaseSummaryDialog</name>
    <message>
        <source>Save the case summary</source>
        <translation>Salva il riepilogo del caso</translation>
    </message>
    <message>
        <source>Case summary — {code}</source>
        <translation>Riepilogo del caso — {code}</translation>
    </message>
    <message>
        <source>&amp;Profile and violence</source>
        <translation>&amp;Profilo e situazione di violenza</translation>
    </message>
    <message>
        <source>&amp;Risk assessments</source>
        <translation>Valutazioni del &amp;rischio</translation>
    </message>
    <message>
        <source>Pathway and &amp;goals</source>
        <translation>Percorso e &amp;obiettivi</translation>
    </message>
    <message>
        <source>Ser&amp;vices</source>
        <translation>Pres&amp;tazioni</translation>
    </message>
    <message>
        <source>Re&amp;ferrals</source>
        <translation>&amp;Invii ai servizi della rete</translation>
    </message>
    <message>
        <source>&amp;Notes: everything written in the file (interviews, reviews, services…)</source>
        <translation>&amp;Note: tutto ciò che è scritto nella scheda (colloqui, verifiche, prestazioni…)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sezioni</translation>
    </message>
    <message>
        <source>Print her na&amp;me</source>
        <translation>Stampa il suo no&amp;me</translation>
    </message>
    <message>
        <source>Without her name the summary carries the case code {code} only. Every page says who printed it and when; the print is recorded in the case history.</source>
        <translation>Senza il nome il riepilogo porta solo il codice del caso {code}. Ogni pagina dice chi l&apos;ha stampato e quando; la stampa resta nella cronologia del caso.</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Salva il PDF…</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>Scegli almeno una sezione.</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Riepilogo del caso</translation>
    </message>
    <message>
        <source>The PDF contains data of her case. Continue?</source>
        <translation>Il PDF contiene dati del suo caso. Continuare?</translation>
    </message>
    <message>
        <source>Save it only where no one else can read it (not a shared folder), print it or hand it over, then delete the file.</source>
        <translation>Salvalo solo dove nessun altro può leggerlo (non in una cartella condivisa), stampalo o consegnalo, poi elimina il file.</translation>
    </message>
    <message>
        <source>summary-{code}.pdf</source>
        <translation>riepilogo-{code}.pdf</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Case {code} opened</source>
        <translation>Caso {code} aperto</translation>
    </message>
    <message>
        <source>Anonymous contact recorded: no personal data stored</source>
        <translation>Contatto anonimo registrato: nessun dato personale memorizzato</translation>
    </message>
</context>
<context>
    <name>CentrePage</name>
    <message>
        <source>Welcome to Ascolto</source>
        <translation>Benvenuta in Ascolto</translation>
    </message>
    <message>
        <source>Case records stay encrypted on this computer. First, describe the centre and its first help desk.</source>
        <translation>Le schede dei casi restano cifrate su questo computer. Per iniziare, indica il centro e il suo primo sportello.</translation>
    </message>
    <message>
        <source>Centre name</source>
        <translation>Nome del centro</translation>
    </message>
    <message>
        <source>e.g. Centro antiviolenza Rete Donne</source>
        <translation>es. Centro antiviolenza Rete Donne</translation>
    </message>
    <message>
        <source>Centre code</source>
        <translation>Codice del centro</translation>
    </message>
    <message>
        <source>e.g. BG</source>
        <translation>es. BG</translation>
    </message>
    <message>
        <source>First help desk</source>
        <translation>Primo sportello</translation>
    </message>
    <message>
        <source>e.g. Sportello Bergamo centro</source>
        <translation>es. Sportello Bergamo centro</translation>
    </message>
    <message>
        <source>2 to 6 letters, used at the start of every case code (BG-2026-0042).</source>
        <translation>Da 2 a 6 lettere, all’inizio di ogni codice caso (BG-2026-0042).</translation>
    </message>
    <message>
        <source>&amp;Centre name:</source>
        <translation>Nome del &amp;centro:</translation>
    </message>
    <message>
        <source>Centre c&amp;ode:</source>
        <translation>C&amp;odice del centro:</translation>
    </message>
    <message>
        <source>First &amp;help desk:</source>
        <translation>Primo &amp;sportello:</translation>
    </message>
</context>
<context>
    <name>CentreTab</name>
    <message>
        <source>This PC belongs to no centre of several PCs.</source>
        <translation>Questo PC non fa parte di un centro con più PC.</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Installazione</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Impronta</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Ultimo ricevuto</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>Ultimo inviato</translation>
    </message>
    <message>
        <source>Installations of the centre</source>
        <translation>Installazioni del centro</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Desk PC</source>
        <translation>PC dello sportello</translation>
    </message>
    <message>
        <source>Partial aggregates</source>
        <translation>Aggregati parziali</translation>
    </message>
    <message>
        <source>Partial aggregates by period</source>
        <translation>Aggregati parziali per periodo</translation>
    </message>
    <message>
        <source>Release &amp;without this PC…</source>
        <translation>Rilascia &amp;senza questo PC…</translation>
    </message>
    <message>
        <source>Ended periods: what the desk PCs have sent</source>
        <translation>Periodi conclusi: che cosa hanno inviato i PC degli sportelli</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>ancora nulla</translation>
    </message>
    <message>
        <source>no. {seq}, {moment}</source>
        <translation>n. {seq}, {moment}</translation>
    </message>
    <message>
        <source>main office</source>
        <translation>sede</translation>
    </message>
    <message>
        <source>desk PC</source>
        <translation>PC di sportello</translation>
    </message>
    <message>
        <source>active</source>
        <translation>attiva</translation>
    </message>
    <message>
        <source>invited</source>
        <translation>invitata</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>rimossa</translation>
    </message>
    <message>
        <source>this PC</source>
        <translation>questo PC</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>inviati</translation>
    </message>
    <message>
        <source>released without it</source>
        <translation>rilasciato senza</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>mancanti</translation>
    </message>
    <message>
        <source>Release without this PC</source>
        <translation>Rilascia senza questo PC</translation>
    </message>
    <message>
        <source>Release {period} without the figures of {name}? The release will say that it does not include them. If they arrive later, they are added again.</source>
        <translation>Rilasciare {period} senza i dati di {name}? Il rilascio dirà che non li comprende. Se arrivano più tardi, vengono di nuovo sommati.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>Cambia la tua password</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Password attuale</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Password &amp;attuale:</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>&amp;Cambia password</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Inserisci la password attuale.</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>La tua password è stata cambiata.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>no password on standard input</source>
        <translation>nessuna password sullo standard input</translation>
    </message>
    <message>
        <source>no mailbox password on the second line of standard input</source>
        <translation>manca la password della casella sulla seconda riga dello standard input</translation>
    </message>
    <message>
        <source>no terminal to ask for the password: use --password-stdin</source>
        <translation>nessun terminale in cui chiedere la password: usa --password-stdin</translation>
    </message>
    <message>
        <source>Mailbox password: </source>
        <translation>Password della casella: </translation>
    </message>
    <message>
        <source>give --email ADDRESS or --folder PATH</source>
        <translation>indica --email INDIRIZZO oppure --folder PERCORSO</translation>
    </message>
    <message>
        <source>Route for {destination} saved.</source>
        <translation>Percorso per {destination} salvato.</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>La posta in uscita è vuota.</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Invio</translation>
    </message>
    <message>
        <source>Sent: {sent}; failed: {failed}; still waiting: {waiting}; delivery receipts: {receipts}.</source>
        <translation>Inviati: {sent}; non riusciti: {failed}; ancora in attesa: {waiting}; ricevute di consegna: {receipts}.</translation>
    </message>
    <message>
        <source>{n} new attachments; accepted packages are in {folder}.</source>
        <translation>{n} nuovi allegati; i pacchetti accettati sono in {folder}.</translation>
    </message>
    <message>
        <source>how files leave: e-mail (PEC) or a folder</source>
        <translation>come escono i file: e-mail (PEC) o una cartella</translation>
    </message>
    <message>
        <source>set the route of a destination</source>
        <translation>imposta il percorso di una destinazione</translation>
    </message>
    <message>
        <source>the centre&apos;s (PEC) address</source>
        <translation>l&apos;indirizzo (PEC) del centro</translation>
    </message>
    <message>
        <source>outgoing server (default port 465, TLS)</source>
        <translation>server in uscita (porta predefinita 465, TLS)</translation>
    </message>
    <message>
        <source>STARTTLS (port 587) instead of TLS</source>
        <translation>STARTTLS (porta 587) invece di TLS</translation>
    </message>
    <message>
        <source>recipient (repeat)</source>
        <translation>destinatario (ripetibile)</translation>
    </message>
    <message>
        <source>incoming server to read receipts or the inbox (default port 993)</source>
        <translation>server in entrata da cui leggere le ricevute o la posta in arrivo (porta predefinita 993)</translation>
    </message>
    <message>
        <source>mailbox folder to read</source>
        <translation>cartella della casella da leggere</translation>
    </message>
    <message>
        <source>mailbox user name (default: the address)</source>
        <translation>nome utente della casella (predefinito: l&apos;indirizzo)</translation>
    </message>
    <message>
        <source>a certificate to trust besides the system&apos;s</source>
        <translation>un certificato di cui fidarsi oltre a quelli del sistema</translation>
    </message>
    <message>
        <source>a folder (USB stick, share) instead of e-mail</source>
        <translation>una cartella (chiavetta USB, cartella condivisa) invece dell&apos;e-mail</translation>
    </message>
    <message>
        <source>list the routes (never passwords)</source>
        <translation>elenca i percorsi (mai le password)</translation>
    </message>
    <message>
        <source>remove the route of a destination</source>
        <translation>rimuove il percorso di una destinazione</translation>
    </message>
    <message>
        <source>what waits to leave, and sending it</source>
        <translation>ciò che attende di uscire, e il suo invio</translation>
    </message>
    <message>
        <source>also what was delivered</source>
        <translation>anche ciò che è stato consegnato</translation>
    </message>
    <message>
        <source>deliver what is due, then read receipts</source>
        <translation>consegna ciò che è dovuto, poi legge le ricevute</translation>
    </message>
    <message>
        <source>also what waits for a retry</source>
        <translation>anche ciò che attende un nuovo tentativo</translation>
    </message>
    <message>
        <source>packages received by e-mail or folder</source>
        <translation>pacchetti ricevuti per e-mail o in una cartella</translation>
    </message>
    <message>
        <source>read and check what arrived</source>
        <translation>legge e controlla ciò che è arrivato</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>Ripeti la password: </translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>le due password sono diverse</translation>
    </message>
    <message>
        <source>--user is required</source>
        <translation>serve --user</translation>
    </message>
    <message>
        <source>{n} failed attempts since your last login.</source>
        <translation>{n} tentativi falliti dal tuo ultimo accesso.</translation>
    </message>
    <message>
        <source>An interrupted revocation was finished: the database now has a new key.</source>
        <translation>Una revoca interrotta è stata completata: l’archivio ha ora una nuova chiave.</translation>
    </message>
    <message>
        <source>An interrupted revocation could not be finished now; it is retried at the next login.</source>
        <translation>Una revoca interrotta non si è potuta completare ora; verrà ritentata al prossimo accesso.</translation>
    </message>
    <message>
        <source>Password for the first administrator: </source>
        <translation>Password della prima amministratrice: </translation>
    </message>
    <message>
        <source>Created the Ascolto data folder {folder}.</source>
        <translation>Creata la cartella dei dati di Ascolto {folder}.</translation>
    </message>
    <message>
        <source>RECOVERY KEY (shown only now; print it or write it down and keep it locked away):</source>
        <translation>CHIAVE DI RECUPERO (mostrata solo ora; stampala o scrivila e tienila sotto chiave):</translation>
    </message>
    <message>
        <source>It opens the database if every password is forgotten. Anyone holding it can read everything.</source>
        <translation>Apre l’archivio se tutte le password sono dimenticate. Chiunque la possieda può leggere tutto.</translation>
    </message>
    <message>
        <source>The database has a new key (generation {generation}); only active accounts and the recovery key open it.</source>
        <translation>L’archivio ha una nuova chiave (generazione {generation}); la aprono solo gli account attivi e la chiave di recupero.</translation>
    </message>
    <message>
        <source>Copies kept by restores and upgrades in the backups folder under the old key: {reencrypted} re-encrypted under the new key, {deleted} deleted (no active account could open them).</source>
        <translation>Copie conservate da ripristini e aggiornamenti nella cartella dei backup con la vecchia chiave: {reencrypted} cifrate di nuovo con la nuova chiave, {deleted} eliminate (nessun account attivo poteva aprirle).</translation>
    </message>
    <message>
        <source>The centre has a new signing key, signed by the previous one: network coordinators follow the change with the next package. New fingerprint: {fingerprint}</source>
        <translation>Il centro ha una nuova chiave di firma, firmata dalla chiave precedente: i coordinamenti di rete seguono il cambio con il prossimo pacchetto. Nuova impronta: {fingerprint}</translation>
    </message>
    <message>
        <source>If anyone who should no longer open the database may have seen the recovery key, make a new one (Administration, Recovery key) and destroy the old printout.</source>
        <translation>Se qualcuno che non deve più aprire il database può aver visto la chiave di recupero, creane una nuova (Amministrazione, Chiave di recupero) e distruggi la vecchia stampa.</translation>
    </message>
    <message>
        <source>verification failed: {checks}</source>
        <translation>verifica non superata: {checks}</translation>
    </message>
    <message>
        <source>Password for the demo administrator: </source>
        <translation>Password dell’amministratrice della demo: </translation>
    </message>
    <message>
        <source>Created the demo data folder {folder}; recovery key: {key}</source>
        <translation>Creata la cartella dei dati di prova {folder}; chiave di recupero: {key}</translation>
    </message>
    <message>
        <source>{refusal} Nothing was added: choose another --data-dir, or add --into-real-archive if you really mean to mix them</source>
        <translation>{refusal} Non è stato aggiunto nulla: scegli un’altra --data-dir, oppure aggiungi --into-real-archive se vuoi davvero mescolarli</translation>
    </message>
    <message>
        <source>Added {cases} cases, {contacts} contacts, {intakes} interviews, {services} services and {referrals} referrals over {years} years.</source>
        <translation>Aggiunti {cases} casi, {contacts} contatti, {intakes} colloqui, {services} prestazioni e {referrals} invii in {years} anni.</translation>
    </message>
    <message>
        <source>Backup written and verified: {path} ({cases} cases, schema {schema})</source>
        <translation>Backup scritto e verificato: {path} ({cases} casi, schema {schema})</translation>
    </message>
    <message>
        <source>Password of {user} in the current database: </source>
        <translation>Password di {user} nell’archivio attuale: </translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>Nuova password: </translation>
    </message>
    <message>
        <source>Restored the backup of {created} into {folder}; the previous database was kept in its backups folder.</source>
        <translation>Ripristinato il backup del {created} in {folder}; l’archivio precedente è conservato nella sua cartella dei backup.</translation>
    </message>
    <message>
        <source>This backup was made by an older version: its description carries no authentication tag. It was checked against the encrypted database it holds instead.</source>
        <translation>Questo backup è stato fatto da una versione precedente: la sua descrizione non ha un sigillo di autenticazione. È stato verificato invece sull’archivio cifrato che contiene.</translation>
    </message>
    <message>
        <source>Erasures and consent withdrawals made since the backup, applied again: {count}.</source>
        <translation>Cancellazioni e revoche del consenso fatte dopo il backup, applicate di nuovo: {count}.</translation>
    </message>
    <message>
        <source>Accounts revoked since the backup, revoked again: {count}.</source>
        <translation>Account revocati dopo il backup, revocati di nuovo: {count}.</translation>
    </message>
    <message>
        <source>Lines of the erasure ledger whose tag does not check, not applied: {count}. Check the file erasures.jsonl in the data folder.</source>
        <translation>Righe del registro delle cancellazioni il cui sigillo non è valido, non applicate: {count}. Controlla il file erasures.jsonl nella cartella dei dati.</translation>
    </message>
    <message>
        <source>Report for {period} written to {path} ({hidden} values hidden).</source>
        <translation>Report per {period} scritto in {path} ({hidden} valori nascosti).</translation>
    </message>
    <message>
        <source>The period has not ended yet: data as of {day}.</source>
        <translation>Il periodo non è ancora concluso: dati al {day}.</translation>
    </message>
    <message>
        <source>This period was first released on {day}: the same figures were written again.</source>
        <translation>Questo periodo è stato rilasciato la prima volta il {day}: sono stati riscritti gli stessi numeri.</translation>
    </message>
    <message>
        <source>The data changed since; the changes will count from the next period on.</source>
        <translation>Da allora i dati sono cambiati; le modifiche conteranno dal prossimo periodo.</translation>
    </message>
    <message>
        <source>--format goes with --profile (the signed package is JSON)</source>
        <translation>--format va con --profile (il pacchetto firmato è in JSON)</translation>
    </message>
    <message>
        <source>Signed package: {path}</source>
        <translation>Pacchetto firmato: {path}</translation>
    </message>
    <message>
        <source>Preview of exactly what it contains: {path}</source>
        <translation>Anteprima esatta del contenuto: {path}</translation>
    </message>
    <message>
        <source>Signing key fingerprint (for the network coordinator to confirm): {fingerprint}</source>
        <translation>Impronta della chiave di firma (da far confermare alla coordinatrice della rete): {fingerprint}</translation>
    </message>
    <message>
        <source>--trust-new needs the fingerprint of the key to trust, as the sender read it to you (32 hexadecimal digits, e.g. --trust-new &quot;3f9a 01c2 ...&quot;); repeat it for each key</source>
        <translation>--trust-new vuole l’impronta della chiave da considerare fidata, come te l’ha letta chi ha inviato il pacchetto (32 cifre esadecimali, per esempio --trust-new &quot;3f9a 01c2 ...&quot;); ripetilo per ogni chiave</translation>
    </message>
    <message>
        <source>The signing key of {centre} changed on {day}; the new key {new} was signed by the previous one ({old}), which is no longer accepted.</source>
        <translation>La chiave di firma di {centre} è cambiata il {day}; la nuova chiave {new} è firmata dalla chiave precedente ({old}), che non è più accettata.</translation>
    </message>
    <message>
        <source>New signing key of {centre} ({files}): fingerprint {fingerprint}</source>
        <translation>Nuova chiave di firma di {centre} ({files}): impronta {fingerprint}</translation>
    </message>
    <message>
        <source>{n} signing keys are not trusted yet. Compare each fingerprint with its sender (by phone, on a number you already know), then run again with --trust-new FINGERPRINT for each key that matches: {fingerprints}</source>
        <translation>{n} chiavi di firma non sono ancora fidate. Confronta ogni impronta con chi ha inviato il pacchetto (per telefono, a un numero che conosci già), poi esegui di nuovo con --trust-new IMPRONTA per ogni chiave che corrisponde: {fingerprints}</translation>
    </message>
    <message>
        <source>{profile} for {period} written to {path}</source>
        <translation>{profile} per {period} scritto in {path}</translation>
    </message>
    <message>
        <source>The data folder was empty, so the administrator credentials of the backup were required.</source>
        <translation>La cartella dei dati era vuota, quindi sono servite le credenziali di un’amministratrice del backup.</translation>
    </message>
    <message>
        <source>The current database could not be read: your current credentials were checked against the folder&apos;s key file.</source>
        <translation>L’archivio attuale non si poteva leggere: le tue credenziali attuali sono state verificate sul file delle chiavi della cartella.</translation>
    </message>
    <message>
        <source>Every administrator will be told of this restore at her next sign-in, with what it may have undone (revocations and erasures made after the backup that the folder no longer shows).</source>
        <translation>Ogni amministratrice sarà avvisata di questo ripristino al suo prossimo accesso, con ciò che può aver annullato (revoche e cancellazioni fatte dopo il backup di cui la cartella non conserva più traccia).</translation>
    </message>
    <message>
        <source>Releases made since the backup, kept as released: {count}.</source>
        <translation>Rilasci fatti dopo il backup, mantenuti come rilasciati: {count}.</translation>
    </message>
    <message>
        <source>Lines of the release log that do not verify: {count}. They block the periods they name until removed; check the file releases/log.jsonl in the data folder.</source>
        <translation>Righe del registro dei rilasci che non si verificano: {count}. Bloccano i periodi che indicano finché non vengono tolte; controlla il file releases/log.jsonl nella cartella dei dati.</translation>
    </message>
    <message>
        <source>--layout goes with --profile</source>
        <translation>--layout si usa con --profile</translation>
    </message>
    <message>
        <source>This period was released before: the same figures were written again.</source>
        <translation>Questo periodo era già stato rilasciato: sono stati scritti di nuovo gli stessi dati.</translation>
    </message>
    <message>
        <source>Data quality for {period}, profile {profile}</source>
        <translation>Qualità dei dati per {period}, profilo {profile}</translation>
    </message>
    <message>
        <source>Not available or missing answers (share of the published total):</source>
        <translation>Risposte non disponibili o mancanti (quota sul totale pubblicato):</translation>
    </message>
    <message>
        <source>No impossible or suspicious combination found.</source>
        <translation>Nessuna combinazione impossibile o sospetta.</translation>
    </message>
    <message>
        <source>{check}: {count} cases: {codes}</source>
        <translation>{check}: {count} casi: {codes}</translation>
    </message>
    <message>
        <source>The key {fingerprint} signs packages in the names of {centres}: a key belongs to one centre.</source>
        <translation>La chiave {fingerprint} firma pacchetti a nome di {centres}: una chiave appartiene a un solo centro.</translation>
    </message>
    <message>
        <source>This key is trusted for {other}, not for {centre}: ask both centres why.</source>
        <translation>Questa chiave è considerata affidabile per {other}, non per {centre}: chiedete il motivo a entrambi i centri.</translation>
    </message>
    <message>
        <source>Trusted the key of {centre}: {fingerprint}</source>
        <translation>Chiave di {centre} accettata come fidata: {fingerprint}</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>Attenzione: {text}</translation>
    </message>
    <message>
        <source>Network report for {period} from {n} packages written to {path}</source>
        <translation>Report della rete per {period} da {n} pacchetti scritto in {path}</translation>
    </message>
    <message>
        <source>PDF summary of a case for the team or a lawyer, of the sections chosen</source>
        <translation>PDF di riepilogo di un caso per l&apos;équipe o un&apos;avvocata, con le sezioni scelte</translation>
    </message>
    <message>
        <source>the sections, separated by commas, among profile, risk, pathway, services, referrals and notes (default: all but notes)</source>
        <translation>le sezioni, separate da virgole, tra profile, risk, pathway, services, referrals e notes (predefinite: tutte tranne notes)</translation>
    </message>
    <message>
        <source>print her name (default: the case code only)</source>
        <translation>stampa il suo nome (predefinito: solo il codice del caso)</translation>
    </message>
    <message>
        <source>Policy: closed cases {case_years} years after closure ({mode}), contact-only records {contact_months} months, audit events {audit_years} years.</source>
        <translation>Regole: casi chiusi {case_years} anni dopo la chiusura ({mode}), contatti senza scheda {contact_months} mesi, eventi del registro {audit_years} anni.</translation>
    </message>
    <message>
        <source>full deletion</source>
        <translation>eliminazione per intero</translation>
    </message>
    <message>
        <source>erase identity and notes</source>
        <translation>anonimizzazione: cancellazione dei dati identificativi e delle note</translation>
    </message>
    <message>
        <source>delete the case</source>
        <translation>eliminazione per intero del caso</translation>
    </message>
    <message>
        <source>  {code}  closed {day}: {action}</source>
        <translation>  {code}  chiuso il {day}: {action}</translation>
    </message>
    <message>
        <source>Closed cases due: {n}</source>
        <translation>Casi chiusi da trattare: {n}</translation>
    </message>
    <message>
        <source>Contact-only records to reduce (operator and time of entry removed): {n}</source>
        <translation>Contatti senza scheda da ridurre (tolti operatrice e ora di inserimento): {n}</translation>
    </message>
    <message>
        <source>Audit events to remove (older than {day}): {n}</source>
        <translation>Eventi del registro da rimuovere (anteriori al {day}): {n}</translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation>Non c’è nulla da fare.</translation>
    </message>
    <message>
        <source>Apply now? This cannot be undone. [y/N] </source>
        <translation>Applicare ora? Non si può annullare. [s/N] </translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>Done: {erased} identities erased, {deleted} cases deleted, {contacts} contacts reduced, {events} audit events removed.</source>
        <translation>Fatto: {erased} dati identificativi cancellati, {deleted} casi eliminati, {contacts} contatti ridotti, {events} eventi del registro rimossi.</translation>
    </message>
    <message>
        <source>No longer due, left unchanged: {codes}</source>
        <translation>Non più da trattare, lasciati invariati: {codes}</translation>
    </message>
    <message>
        <source>Written: {path}. It holds data of her case: keep it where no one else can read it.</source>
        <translation>Scritto: {path}. Contiene dati del suo caso: conservalo dove nessun altro può leggerlo.</translation>
    </message>
    <message>
        <source>{path} already exists: choose another file name</source>
        <translation>{path} esiste già: scegli un altro nome di file</translation>
    </message>
    <message>
        <source>no folder {path}: create it or choose another</source>
        <translation>nessuna cartella {path}: creala o scegline un’altra</translation>
    </message>
    <message>
        <source>Invitation for {desk} written to {path}.</source>
        <translation>Invito per {desk} scritto in {path}.</translation>
    </message>
    <message>
        <source>Fingerprint of this main office: {fingerprint}. Read it by phone to the desk, which types it when it joins.</source>
        <translation>Impronta di questa sede principale: {fingerprint}. Leggetela per telefono allo sportello, che la digita quando aderisce.</translation>
    </message>
    <message>
        <source>This PC joined the centre of {main}.</source>
        <translation>Questo PC fa ora parte del centro di {main}.</translation>
    </message>
    <message>
        <source>Answer written to {path}. Fingerprint of this PC: {fingerprint}. Read it by phone to the main office, which types it when it accepts the answer.</source>
        <translation>Risposta scritta in {path}. Impronta di questo PC: {fingerprint}. Leggetela per telefono alla sede principale, che la digita quando accetta la risposta.</translation>
    </message>
    <message>
        <source>{name} is now an installation of the centre.</source>
        <translation>{name} è ora un&apos;installazione del centro.</translation>
    </message>
    <message>
        <source>This PC belongs to no centre of several PCs.</source>
        <translation>Questo PC non fa parte di un centro con più PC.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>attiva</translation>
    </message>
    <message>
        <source>invited, no answer yet</source>
        <translation>invitata, ancora senza risposta</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>rimossa</translation>
    </message>
    <message>
        <source>main office</source>
        <translation>sede principale</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>sportello</translation>
    </message>
    <message>
        <source>this PC</source>
        <translation>questo PC</translation>
    </message>
    <message>
        <source>{name} ({role}, {state}) {fingerprint} received {last_in}, sent {last_out}</source>
        <translation>{name} ({role}, {state}) {fingerprint} ricevuti {last_in}, inviati {last_out}</translation>
    </message>
    <message>
        <source>{name} was removed from the centre: what it sends from now on is refused.</source>
        <translation>{name} è stata rimossa dal centro: ciò che invierà d&apos;ora in poi sarà rifiutato.</translation>
    </message>
    <message>
        <source>Queued in the outbox: {n}.</source>
        <translation>Messi nella posta in uscita: {n}.</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Scritto: {path}</translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation>Niente da inviare.</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Rifiutato: {reason}</translation>
    </message>
    <message>
        <source>Received {file}: number {seq} from {sender} ({kind}: {summary})</source>
        <translation>Ricevuto {file}: numero {seq} da {sender} ({kind}: {summary})</translation>
    </message>
    <message>
        <source>{n} of {total} files were refused.</source>
        <translation>{n} file su {total} sono stati rifiutati.</translation>
    </message>
    <message>
        <source>case {code} already left this PC on {day} for {name}</source>
        <translation>il caso {code} ha già lasciato questo PC il {day} per {name}</translation>
    </message>
    <message>
        <source>no case {code} that you can open</source>
        <translation>nessun caso {code} che tu possa aprire</translation>
    </message>
    <message>
        <source>no help desk {name} on this PC</source>
        <translation>nessuno sportello {name} su questo PC</translation>
    </message>
    <message>
        <source>Case {code} now belongs to {desk}; {n} appointments followed it.</source>
        <translation>Il caso {code} ora appartiene a {desk}; {n} appuntamenti lo hanno seguito.</translation>
    </message>
    <message>
        <source>Case {code} moved to {name}: bundle written to {path}.</source>
        <translation>Caso {code} trasferito a {name}: pacchetto scritto in {path}.</translation>
    </message>
    <message>
        <source>Case {code} moved to {name}: the next send writes its bundle.</source>
        <translation>Caso {code} trasferito a {name}: il prossimo invio ne scrive il pacchetto.</translation>
    </message>
    <message>
        <source>a centre of several PCs: members and keys</source>
        <translation>un centro con più PC: membri e chiavi</translation>
    </message>
    <message>
        <source>main office: invite a desk&apos;s PC into the centre</source>
        <translation>sede principale: invita nel centro il PC di uno sportello</translation>
    </message>
    <message>
        <source>name of the desk</source>
        <translation>nome dello sportello</translation>
    </message>
    <message>
        <source>invitation file to write</source>
        <translation>file di invito da scrivere</translation>
    </message>
    <message>
        <source>desk PC: join the centre that invited it</source>
        <translation>PC dello sportello: aderisce al centro che lo ha invitato</translation>
    </message>
    <message>
        <source>the invitation file</source>
        <translation>il file di invito</translation>
    </message>
    <message>
        <source>answer file to write</source>
        <translation>file di risposta da scrivere</translation>
    </message>
    <message>
        <source>the main office&apos;s fingerprint, as read to you by phone</source>
        <translation>l&apos;impronta della sede principale, come vi è stata letta per telefono</translation>
    </message>
    <message>
        <source>main office: accept a desk&apos;s answer</source>
        <translation>sede principale: accetta la risposta di uno sportello</translation>
    </message>
    <message>
        <source>the answer file</source>
        <translation>il file di risposta</translation>
    </message>
    <message>
        <source>the desk&apos;s fingerprint, as read to you by phone</source>
        <translation>l&apos;impronta dello sportello, come vi è stata letta per telefono</translation>
    </message>
    <message>
        <source>the centre&apos;s installations</source>
        <translation>le installazioni del centro</translation>
    </message>
    <message>
        <source>remove an installation: what it sends afterwards is refused</source>
        <translation>rimuove un&apos;installazione: ciò che invia dopo è rifiutato</translation>
    </message>
    <message>
        <source>name of the installation</source>
        <translation>nome dell&apos;installazione</translation>
    </message>
    <message>
        <source>write the bundles due for the main office</source>
        <translation>scrive i pacchetti dovuti alla sede principale</translation>
    </message>
    <message>
        <source>folder to write them in (without it: into the outbox, by the route set for the centre)</source>
        <translation>cartella in cui scriverli (senza: nella posta in uscita, con il percorso impostato per la sede)</translation>
    </message>
    <message>
        <source>import bundles from the centre&apos;s PCs</source>
        <translation>importa i pacchetti dai PC del centro</translation>
    </message>
    <message>
        <source>bundle files (.age)</source>
        <translation>file dei pacchetti (.age)</translation>
    </message>
    <message>
        <source>move a case to another desk or to another PC of the centre</source>
        <translation>sposta un caso a un altro sportello o a un altro PC del centro</translation>
    </message>
    <message>
        <source>the installation (PC) of the centre to move it to</source>
        <translation>l&apos;installazione (PC) del centro a cui trasferirlo</translation>
    </message>
    <message>
        <source>a help desk of this PC to move it to</source>
        <translation>uno sportello di questo PC a cui spostarlo</translation>
    </message>
    <message>
        <source>bundle file to write (otherwise the next send writes it)</source>
        <translation>file del pacchetto da scrivere (altrimenti lo scrive il prossimo invio)</translation>
    </message>
    <message>
        <source>Written: {path}. It holds her personal data: hand it to her and keep no copy.</source>
        <translation>Scritto: {path}. Contiene i suoi dati personali: consegnalo a lei e non tenerne copia.</translation>
    </message>
    <message>
        <source>data folder (default: $ASCOLTO_HOME or the platform&apos;s data folder)</source>
        <translation>cartella dei dati (predefinita: $ASCOLTO_HOME o la cartella dei dati del sistema)</translation>
    </message>
    <message>
        <source>data folder (default: $ASCOLTO_HOME or the platform&apos;s data folder); before or after the command, the same</source>
        <translation>cartella dei dati (predefinita: $ASCOLTO_HOME o la cartella dei dati del sistema); prima o dopo il comando, è lo stesso</translation>
    </message>
    <message>
        <source>user name of the operator</source>
        <translation>nome utente dell’operatrice</translation>
    </message>
    <message>
        <source>read the password from the first line of standard input</source>
        <translation>legge la password dalla prima riga dello standard input</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argomenti posizionali</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opzioni</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>mostra questo aiuto ed esce</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>mostra la versione del programma ed esce</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: errore: %(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>servono i seguenti argomenti: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argomenti non riconosciuti: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>scelta non valida: %(value)r (scegli tra %(choices)s)</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>serve un argomento</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argomento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valore %(type)s non valido: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opzione ambigua: %(option)s può corrispondere a %(matches)s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>argomento esplicito ignorato %r</translation>
    </message>
    <message>
        <source>no display: set DISPLAY, or QT_QPA_PLATFORM=offscreen</source>
        <translation>nessuno schermo: imposta DISPLAY, oppure QT_QPA_PLATFORM=offscreen</translation>
    </message>
    <message>
        <source>Ascolto: encrypted case records for anti-violence centres.</source>
        <translation>Ascolto: schede cifrate per i centri antiviolenza.</translation>
    </message>
    <message>
        <source>language of the application and of its messages (default: the saved choice of the GUI; on the command line ASCOLTO_LANG, else the locale, else Italian)</source>
        <translation>lingua dell’applicazione e dei suoi messaggi (predefinita: la scelta salvata dell’interfaccia; dalla riga di comando ASCOLTO_LANG, altrimenti la lingua del sistema, altrimenti l’italiano)</translation>
    </message>
    <message>
        <source>set up a new data folder with its first administrator</source>
        <translation>prepara una nuova cartella dei dati con la prima amministratrice</translation>
    </message>
    <message>
        <source>name of the centre (CAV)</source>
        <translation>nome del centro (CAV)</translation>
    </message>
    <message>
        <source>2-6 letter prefix of case codes, e.g. BG (default CAV)</source>
        <translation>prefisso di 2-6 lettere dei codici dei casi, ad es. BG (predefinito CAV)</translation>
    </message>
    <message>
        <source>name of the first help desk</source>
        <translation>nome del primo sportello</translation>
    </message>
    <message>
        <source>full name of the first administrator</source>
        <translation>nome e cognome della prima amministratrice</translation>
    </message>
    <message>
        <source>check page integrity, database structure and the audit chain</source>
        <translation>controlla l’integrità delle pagine, la struttura dell’archivio e la catena del registro</translation>
    </message>
    <message>
        <source>also compare the audit chain with the one recorded in this backup (repeatable)</source>
        <translation>confronta anche la catena del registro con quella registrata in questo backup (ripetibile)</translation>
    </message>
    <message>
        <source>re-encrypt the database under a new key for the active accounts and the recovery key</source>
        <translation>cifra di nuovo l’archivio con una nuova chiave per gli account attivi e la chiave di recupero</translation>
    </message>
    <message>
        <source>write a verified encrypted backup file into a folder</source>
        <translation>scrive in una cartella un file di backup cifrato e verificato</translation>
    </message>
    <message>
        <source>folder for the backup file, e.g. a USB stick</source>
        <translation>cartella per il file di backup, ad es. una chiavetta USB</translation>
    </message>
    <message>
        <source>replace the database with a backup (the current one is kept aside)</source>
        <translation>sostituisce l’archivio con un backup (quello attuale è messo da parte)</translation>
    </message>
    <message>
        <source>the .ascbak backup file</source>
        <translation>il file di backup .ascbak</translation>
    </message>
    <message>
        <source>read the recovery key of the backup from the first line of standard input, then a new password</source>
        <translation>legge la chiave di recupero del backup dalla prima riga dello standard input, poi una nuova password</translation>
    </message>
    <message>
        <source>an administrator of the database being replaced, when the backup is opened by another account or password (her password is read first); needed too when the database cannot be read but the folder was in use: her current password must open the folder&apos;s key file</source>
        <translation>un’amministratrice dell’archivio da sostituire, quando il backup è aperto da un altro account o con un’altra password (la sua password viene letta per prima); serve anche quando l’archivio non si legge ma la cartella era in uso: la sua password attuale deve aprire il file delle chiavi della cartella</translation>
    </message>
    <message>
        <source>print the PDF report of a period (aggregates only, disclosure-controlled)</source>
        <translation>stampa il report PDF di un periodo (solo dati aggregati, con controllo della riservatezza)</translation>
    </message>
    <message>
        <source>write a signed aggregate package and its PDF preview</source>
        <translation>scrive un pacchetto aggregato firmato e la sua anteprima PDF</translation>
    </message>
    <message>
        <source>2026, 2026-H1, 2026-Q3, 2026-07 or 2026-01-01..2026-03-15</source>
        <translation>2026, 2026-H1, 2026-Q3, 2026-07 oppure 2026-01-01..2026-03-15</translation>
    </message>
    <message>
        <source>help desk name (repeat for several; default all)</source>
        <translation>nome dello sportello (ripeti per più sportelli; predefinito tutti)</translation>
    </message>
    <message>
        <source>file to write</source>
        <translation>file da scrivere</translation>
    </message>
    <message>
        <source>language of the report (default: that of the messages)</source>
        <translation>lingua del report (predefinita: quella dei messaggi)</translation>
    </message>
    <message>
        <source>export profile: istat-utenza, istat-centri, lombardia, finanziatore or a .toml file</source>
        <translation>profilo di esportazione: istat-utenza, istat-centri, lombardia, finanziatore o un file .toml</translation>
    </message>
    <message>
        <source>format of a profile export (default: from --out, else xlsx)</source>
        <translation>formato dell’esportazione per profilo (predefinito: da --out, altrimenti xlsx)</translation>
    </message>
    <message>
        <source>printed: the tables as a person reads them (default); long: one row per value, for software</source>
        <translation>printed: le tabelle come le legge una persona (predefinito); long: una riga per valore, per i programmi</translation>
    </message>
    <message>
        <source>data quality of a period: missing answers per variable and cases to check</source>
        <translation>qualità dei dati di un periodo: risposte mancanti per variabile e casi da controllare</translation>
    </message>
    <message>
        <source>the profile whose variables are checked (default istat-utenza)</source>
        <translation>il profilo di cui controllare le variabili (predefinito istat-utenza)</translation>
    </message>
    <message>
        <source>merge signed packages and print the network report</source>
        <translation>unisce i pacchetti firmati e stampa il report della rete</translation>
    </message>
    <message>
        <source>package files (.json)</source>
        <translation>file dei pacchetti (.json)</translation>
    </message>
    <message>
        <source>PDF file to write</source>
        <translation>file PDF da scrivere</translation>
    </message>
    <message>
        <source>trust the new signing key with this fingerprint, once compared with its sender (repeat for each)</source>
        <translation>considera fidata la nuova chiave di firma con questa impronta, dopo averla confrontata con chi l’ha inviata (ripeti per ognuna)</translation>
    </message>
    <message>
        <source>list (and with --apply carry out) what the retention policy says is due</source>
        <translation>elenca (e con --apply esegue) ciò che le regole di conservazione prevedono</translation>
    </message>
    <message>
        <source>erase or remove what is due, after a y/N confirmation</source>
        <translation>cancella o rimuove ciò che è previsto, dopo una conferma s/N</translation>
    </message>
    <message>
        <source>with --apply: do not ask for confirmation</source>
        <translation>con --apply: non chiede conferma</translation>
    </message>
    <message>
        <source>PDF of everything held on one woman, to hand to her</source>
        <translation>PDF di tutti i dati conservati su una donna, da consegnare a lei</translation>
    </message>
    <message>
        <source>case code, e.g. BG-2026-0042</source>
        <translation>codice del caso, ad es. BG-2026-0042</translation>
    </message>
    <message>
        <source>the PDF file to write (must not exist yet)</source>
        <translation>il file PDF da scrivere (non deve esistere già)</translation>
    </message>
    <message>
        <source>language of the document (default: that of the messages)</source>
        <translation>lingua del documento (predefinita: quella dei messaggi)</translation>
    </message>
    <message>
        <source>add realistic synthetic cases (seeded) for training and benchmarks</source>
        <translation>aggiunge casi sintetici realistici (riproducibili) per la formazione e le misure</translation>
    </message>
    <message>
        <source>number of women (default 200)</source>
        <translation>numero di donne (predefinito 200)</translation>
    </message>
    <message>
        <source>random seed: the same seed gives the same data</source>
        <translation>seme casuale: lo stesso seme dà gli stessi dati</translation>
    </message>
    <message>
        <source>years of history (default 3)</source>
        <translation>anni di storia (predefinito 3)</translation>
    </message>
    <message>
        <source>centre name if the folder is new</source>
        <translation>nome del centro se la cartella è nuova</translation>
    </message>
    <message>
        <source>add synthetic cases even to a folder holding cases the demo did not make (a real archive?)</source>
        <translation>aggiunge casi sintetici anche a una cartella con casi non creati dalla demo (un archivio reale?)</translation>
    </message>
    <message>
        <source>time the services on SQLCipher and on plain SQLite (builds synthetic data once)</source>
        <translation>misura i tempi dei servizi su SQLCipher e su SQLite semplice (crea i dati sintetici una volta)</translation>
    </message>
    <message>
        <source>a tenth of the scale: 10k women instead of 100k</source>
        <translation>un decimo della scala: 10.000 donne invece di 100.000</translation>
    </message>
    <message>
        <source>also write the results as JSON</source>
        <translation>scrive anche i risultati in JSON</translation>
    </message>
    <message>
        <source>folder caching the generated databases (default ./bench-data)</source>
        <translation>cartella che conserva gli archivi generati (predefinita ./bench-data)</translation>
    </message>
    <message>
        <source>runs per workload, medians reported (default 5)</source>
        <translation>esecuzioni per carico, riportate le mediane (predefinito 5)</translation>
    </message>
    <message>
        <source>time the outbox and the inbox against local SMTP and IMAP servers (needs aiosmtpd and Dovecot)</source>
        <translation>misura la posta in uscita e in arrivo con server SMTP e IMAP locali (servono aiosmtpd e Dovecot)</translation>
    </message>
    <message>
        <source>not a whole number: {text}</source>
        <translation>non è un numero intero: {text}</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>deve essere tra {low} e {high}</translation>
    </message>
    <message>
        <source>{command} does not use --data-dir</source>
        <translation>{command} non usa --data-dir</translation>
    </message>
    <message>
        <source>--data-dir given twice with different folders: {first} and {second}</source>
        <translation>--data-dir indicata due volte con cartelle diverse: {first} e {second}</translation>
    </message>
    <message>
        <source>ascolto: error: {message}</source>
        <translation>ascolto: errore: {message}</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrotto</translation>
    </message>
    <message>
        <source>unexpected failure ({kind}); nothing was changed. Set ASCOLTO_DEBUG=1 for details.</source>
        <translation>errore imprevisto ({kind}); non è stato cambiato nulla. Imposta ASCOLTO_DEBUG=1 per i dettagli.</translation>
    </message>
    <message>
        <source>The help desk {old} is now called {new}; releases already made keep their name.</source>
        <translation>Lo sportello {old} ora si chiama {new}; i rilasci già fatti mantengono il loro nome.</translation>
    </message>
    <message>
        <source>The help desk {name} is closed: its cases stay and can be moved; it takes no new cases.</source>
        <translation>Lo sportello {name} è chiuso: i suoi casi restano e si possono spostare; non prende nuovi casi.</translation>
    </message>
    <message>
        <source>The help desk {name} is open again.</source>
        <translation>Lo sportello {name} è di nuovo aperto.</translation>
    </message>
    <message>
        <source>rename, close or reopen a help desk</source>
        <translation>rinomina, chiudi o riapri uno sportello</translation>
    </message>
    <message>
        <source>give a help desk a new name (releases keep the old one)</source>
        <translation>dà un nuovo nome a uno sportello (i rilasci mantengono il vecchio)</translation>
    </message>
    <message>
        <source>the help desk&apos;s name now</source>
        <translation>il nome attuale dello sportello</translation>
    </message>
    <message>
        <source>its new name</source>
        <translation>il nuovo nome</translation>
    </message>
    <message>
        <source>close a help desk: it takes no new cases</source>
        <translation>chiude uno sportello: non prende nuovi casi</translation>
    </message>
    <message>
        <source>name of the help desk</source>
        <translation>nome dello sportello</translation>
    </message>
    <message>
        <source>reopen a closed help desk</source>
        <translation>riapre uno sportello chiuso</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Close case {code}</source>
        <translation>Chiudi il caso {code}</translation>
    </message>
    <message>
        <source>— choose the outcome —</source>
        <translation>— scegli l’esito —</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>Data di chiusura</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Esito:</translation>
    </message>
    <message>
        <source>Closed o&amp;n:</source>
        <translation>Chiuso &amp;il:</translation>
    </message>
    <message>
        <source>The pathway closes with the case. A coordinator can reopen it.</source>
        <translation>Il percorso si chiude con il caso. Una coordinatrice può riaprirlo.</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Chiudi il caso</translation>
    </message>
    <message>
        <source>Choose the outcome.</source>
        <translation>Scegli l’esito.</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Chiudi il caso</translation>
    </message>
    <message>
        <source>Close case {code} as “{outcome}”?</source>
        <translation>Chiudere il caso {code} con esito “{outcome}”?</translation>
    </message>
</context>
<context>
    <name>CodeConfirmation</name>
    <message>
        <source>Type the case code to confirm</source>
        <translation>Digita il codice caso per confermare</translation>
    </message>
    <message>
        <source>&amp;Type {code} to confirm:</source>
        <translation>&amp;Digita {code} per confermare:</translation>
    </message>
    <message>
        <source>Type the case code exactly.</source>
        <translation>Digita il codice caso esattamente com’è scritto.</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Registra il consenso</translation>
    </message>
    <message>
        <source>Consent scope</source>
        <translation>Ambito del consenso</translation>
    </message>
    <message>
        <source>She &amp;gives consent</source>
        <translation>&amp;Dà il consenso</translation>
    </message>
    <message>
        <source>She &amp;withdraws consent</source>
        <translation>&amp;Revoca il consenso</translation>
    </message>
    <message>
        <source>— the whole network —</source>
        <translation>— tutta la rete —</translation>
    </message>
    <message>
        <source>Network service</source>
        <translation>Servizio della rete</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Ambito:</translation>
    </message>
    <message>
        <source>Network se&amp;rvice:</source>
        <translation>&amp;Servizio della rete:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>Da&amp;ta:</translation>
    </message>
    <message>
        <source>Privacy notice version {version}.</source>
        <translation>Informativa privacy versione {version}.</translation>
    </message>
    <message>
        <source>Her name, contacts and every free-text note will be erased at once, and nothing more can be recorded in this case. Only anonymous statistical data stay. This cannot be undone.</source>
        <translation>Il suo nome, i recapiti e ogni nota a testo libero saranno cancellati subito, e in questo caso non si potrà più registrare nulla. Restano solo i dati statistici anonimi. L’operazione è irreversibile.</translation>
    </message>
    <message>
        <source>Nobody may contact her any more: the case file will show “DO NOT CONTACT”.</source>
        <translation>Nessuno potrà più contattarla: la scheda mostrerà “NON CONTATTARE”.</translation>
    </message>
    <message>
        <source>She will be left out of every statistical report from now on.</source>
        <translation>D’ora in poi sarà esclusa da tutti i report statistici.</translation>
    </message>
    <message>
        <source>Referrals that share her data with this service will be refused.</source>
        <translation>Gli invii che condividono i suoi dati con questo servizio saranno rifiutati.</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Revoca il consenso</translation>
    </message>
    <message>
        <source>Record that {code} withdraws consent to: {scope}?</source>
        <translation>Registrare che {code} revoca il consenso per: {scope}?</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>Consent</source>
        <translation>Consenso</translation>
    </message>
    <message>
        <source>Ask first, before writing anything about her. Each consent can be withdrawn later.</source>
        <translation>Chiedi prima di scrivere qualsiasi cosa su di lei. Ogni consenso può essere revocato in seguito.</translation>
    </message>
    <message>
        <source>Privacy notice version &lt;b&gt;{version}&lt;/b&gt;. Read it with her, or give her the printed copy, before she decides.</source>
        <translation>Informativa privacy versione &lt;b&gt;{version}&lt;/b&gt;. Leggila con lei, o dalle la copia stampata, prima che decida.</translation>
    </message>
    <message>
        <source>Date of consent</source>
        <translation>Data del consenso</translation>
    </message>
    <message>
        <source>She consents to the &amp;processing of her data (needed to open a case)</source>
        <translation>Acconsente al &amp;trattamento dei suoi dati (necessario per aprire un caso)</translation>
    </message>
    <message>
        <source>Without this consent no case is opened and nothing identifying is stored: you can record an anonymous contact instead (next page).</source>
        <translation>Senza questo consenso non si apre alcun caso e non si memorizza nulla di identificativo: puoi invece registrare un contatto anonimo (pagina successiva).</translation>
    </message>
    <message>
        <source>She agrees to be &amp;contacted by the centre (safe channel and times next)</source>
        <translation>Accetta di essere &amp;contattata dal centro (canale e orari sicuri al passo successivo)</translation>
    </message>
    <message>
        <source>She agrees to &amp;share her data with these network services:</source>
        <translation>Accetta di condividere i suoi dati con questi &amp;servizi della rete:</translation>
    </message>
    <message>
        <source>Network services she allows</source>
        <translation>Servizi della rete autorizzati</translation>
    </message>
    <message>
        <source>She agrees to &amp;anonymous statistical use</source>
        <translation>Accetta l’uso statistic&amp;o anonimo</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>Tick the network services she agrees to share her data with.</source>
        <translation>Spunta i servizi della rete con cui accetta di condividere i suoi dati.</translation>
    </message>
</context>
<context>
    <name>ConsentsTab</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Ambito</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisione</translation>
    </message>
    <message>
        <source>Network service</source>
        <translation>Servizio della rete</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Informativa</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Storico dei consensi</translation>
    </message>
    <message>
        <source>Record consent or &amp;withdrawal…</source>
        <translation>R&amp;egistra consenso o revoca…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Now — processing: {p}  ·  safe contact: {c}  ·  anonymous statistics: {s}</source>
        <translation>Situazione attuale — trattamento: {p}  ·  contatto sicuro: {c}  ·  statistiche anonime: {s}</translation>
    </message>
    <message>
        <source>given</source>
        <translation>concesso</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>revocato</translation>
    </message>
</context>
<context>
    <name>ContactFields</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— scegli —</translation>
    </message>
    <message>
        <source>Access channel</source>
        <translation>Canale di accesso</translation>
    </message>
    <message>
        <source>First contact mode</source>
        <translation>Modalità del primo contatto</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>Acc&amp;ess channel:</source>
        <translation>&amp;Canale di accesso:</translation>
    </message>
    <message>
        <source>First con&amp;tact mode:</source>
        <translation>&amp;Modalità del primo contatto:</translation>
    </message>
</context>
<context>
    <name>CreatingPage</name>
    <message>
        <source>Creating the encrypted database</source>
        <translation>Creazione dell’archivio cifrato</translation>
    </message>
    <message>
        <source>This takes a few seconds.</source>
        <translation>Ci vuole qualche secondo.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avanzamento</translation>
    </message>
</context>
<context>
    <name>DamagedScreen</name>
    <message>
        <source>The database cannot be read</source>
        <translation>Impossibile leggere l’archivio</translation>
    </message>
    <message>
        <source>Ascolto could open the key file but not the database: the file in the data folder is damaged or incomplete (for example after a disk fault or a power cut during writing). Your password is not the problem.</source>
        <translation>Ascolto è riuscito ad aprire il file della chiave ma non l’archivio: il file nella cartella dei dati è danneggiato o incompleto (per esempio dopo un guasto del disco o un’interruzione di corrente durante la scrittura). Il problema non è la tua password.</translation>
    </message>
    <message>
        <source>Nothing was changed: the damaged file is kept as it is. Restoring a backup moves it aside, into {folder}, so that a technician can still look at it.</source>
        <translation>Non è stato modificato nulla: il file danneggiato resta com’è. Il ripristino di un backup lo sposta da parte, in {folder}, perché un tecnico possa ancora esaminarlo.</translation>
    </message>
    <message>
        <source>Since the current database cannot be read, restoring needs the current password of one of its administrators (the one that opens this folder&apos;s key file today, of an account that is an administrator in the backup too) or the current recovery key; the backup itself is opened with the password valid when it was made. Every administrator is told of the restore at her next sign-in. Erasures, consent withdrawals and revocations made since the backup are applied again.</source>
        <translation>Poiché l’archivio attuale non si può leggere, il ripristino richiede la password attuale di una delle sue amministratrici (quella che oggi apre il file delle chiavi di questa cartella, di un account che è amministratrice anche nel backup) oppure la chiave di recupero attuale; il backup si apre con la password valida quando è stato fatto. Ogni amministratrice viene avvisata del ripristino al suo prossimo accesso. Cancellazioni, revoche del consenso e revoche di account fatte dopo il backup vengono applicate di nuovo.</translation>
    </message>
    <message>
        <source>&amp;Backups found (newest first):</source>
        <translation>&amp;Backup trovati (dal più recente):</translation>
    </message>
    <message>
        <source>Backups found</source>
        <translation>Backup trovati</translation>
    </message>
    <message>
        <source>No backup in the data folder. Choose the folder or USB stick where the backups are.</source>
        <translation>Nessun backup nella cartella dei dati. Scegli la cartella o la chiavetta USB che contiene i backup.</translation>
    </message>
    <message>
        <source>&amp;Restore from the selected backup…</source>
        <translation>&amp;Ripristina dal backup selezionato…</translation>
    </message>
    <message>
        <source>Look in &amp;another folder…</source>
        <translation>Cerca in un’&amp;altra cartella…</translation>
    </message>
    <message>
        <source>Back to the &amp;sign-in screen</source>
        <translation>&amp;Torna alla schermata di accesso</translation>
    </message>
    <message>
        <source>Choose the folder with the backups</source>
        <translation>Scegli la cartella con i backup</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>La data non può essere nel futuro.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>gg/mm/aaaa</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Scegli dal calendario (Alt+Giù)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>The date must be between {low} and {high}.</source>
        <translation>La data deve essere tra il {low} e il {high}.</translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation>Inserisci la data.</translation>
    </message>
    <message>
        <source>The month must be between 1 and 12.</source>
        <translation>Il mese deve essere tra 1 e 12.</translation>
    </message>
    <message>
        <source>There is no {day} {month} {year}.</source>
        <translation>Il {day} {month} {year} non esiste.</translation>
    </message>
    <message>
        <source>Not a date: write it as dd/mm/yyyy, e.g. 14/03/1985.</source>
        <translation>Non è una data: scrivila come gg/mm/aaaa, per esempio 14/03/1985.</translation>
    </message>
    <message>
        <source>{field}: calendar</source>
        <translation>{field}: calendario</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
</context>
<context>
    <name>DatedNote</name>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>DeskPicker</name>
    <message>
        <source>&amp;All help desks</source>
        <translation>&amp;Tutti gli sportelli</translation>
    </message>
    <message>
        <source>Help desks in the report</source>
        <translation>Sportelli nel report</translation>
    </message>
    <message>
        <source>{desk} (closed)</source>
        <translation>{desk} (chiuso)</translation>
    </message>
    <message>
        <source>all help desks</source>
        <translation>tutti gli sportelli</translation>
    </message>
</context>
<context>
    <name>DisclosureBox</name>
    <message>
        <source>Reports: disclosure control</source>
        <translation>Report: controllo della divulgazione statistica</translation>
    </message>
    <message>
        <source> women</source>
        <translation> donne</translation>
    </message>
    <message>
        <source>Minimum number of women behind a published value</source>
        <translation>Numero minimo di donne alla base di un valore pubblicato</translation>
    </message>
    <message>
        <source>A count in a report is published only if, after the small change that protects the women, it reaches this number; hours and services only if this many women stand behind them. The SISTAN ethics rules for statistics (art. 5, Official Journal of 14/01/2019) allow no less than 3; 5 is recommended. It applies to every later release of the centre.</source>
        <translation>Un conteggio di un report è pubblicato solo se, dopo la piccola modifica che protegge le donne, raggiunge questo numero; ore e prestazioni solo se riguardano almeno questo numero di donne. Le regole deontologiche del Sistan per i trattamenti a fini statistici (art. 5, Gazzetta Ufficiale del 14/01/2019) non consentono meno di 3; si consiglia 5. Vale per tutti i rilasci successivi del centro.</translation>
    </message>
    <message>
        <source>Save &amp;threshold</source>
        <translation>S&amp;alva la soglia</translation>
    </message>
    <message>
        <source>Minimum &amp;frequency:</source>
        <translation>&amp;Frequenza minima:</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Document sent to the printer</source>
        <translation>Documento inviato alla stampante</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Print the document</source>
        <translation>Stampa il documento</translation>
    </message>
    <message>
        <source>This image cannot be shown: it is damaged or not a PNG or JPEG image.</source>
        <translation>Questa immagine non si può mostrare: è danneggiata o non è un&apos;immagine PNG o JPEG.</translation>
    </message>
    <message>
        <source>Document page</source>
        <translation>Pagina del documento</translation>
    </message>
    <message>
        <source>◀ Pre&amp;vious</source>
        <translation>◀ Pr&amp;ecedente</translation>
    </message>
    <message>
        <source>Ne&amp;xt ▶</source>
        <translation>Su&amp;ccessiva ▶</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Adatta alla &amp;larghezza</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Stampa…</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Riduci</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Ingrandisci</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Riduci (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Ingrandisci (Ctrl++)</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Pagina precedente (Pag su)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Pagina successiva (Pag giù)</translation>
    </message>
    <message>
        <source>Fit the page to the width of the window (Ctrl+0)</source>
        <translation>Adatta la pagina alla larghezza della finestra (Ctrl+0)</translation>
    </message>
    <message>
        <source>Print the document (Ctrl+P)</source>
        <translation>Stampa il documento (Ctrl+P)</translation>
    </message>
    <message>
        <source>Page {n} of {m}</source>
        <translation>Pagina {n} di {m}</translation>
    </message>
    <message>
        <source>Drawing the page…</source>
        <translation>Preparazione della pagina…</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Non è stato possibile avviare la stampante.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Aggiunto il</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dimensione</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Aggiunto da</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenti</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Aggiungi…</translation>
    </message>
    <message>
        <source>Attach a PDF, PNG or JPEG file to her file (kept encrypted)</source>
        <translation>Allega alla sua scheda un file PDF, PNG o JPEG (conservato cifrato)</translation>
    </message>
    <message>
        <source>Vie&amp;w</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>Print &amp;document…</source>
        <translation>Sta&amp;mpa…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Rim&amp;uovi…</translation>
    </message>
    <message>
        <source>PDF documents and PNG or JPEG images, up to {file} MB each and {case} MB for her file; kept encrypted with her file, shown and printed only here.</source>
        <translation>Documenti PDF e immagini PNG o JPEG, fino a {file} MB ciascuno e {case} MB per la sua scheda; conservati cifrati con la scheda, visualizzati e stampati solo qui.</translation>
    </message>
    <message>
        <source>Only whoever attached this document, or an administrator, can remove it</source>
        <translation>Solo chi ha allegato questo documento, o un&apos;amministratrice, può rimuoverlo</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Allega un documento</translation>
    </message>
    <message>
        <source>Documents and images ({patterns});;All files (*)</source>
        <translation>Documenti e immagini ({patterns});;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Encrypting the document…</source>
        <translation>Cifratura del documento…</translation>
    </message>
    <message>
        <source>Document attached</source>
        <translation>Documento allegato</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>Rimuovi il documento</translation>
    </message>
    <message>
        <source>Remove “{name}” from her file? It is erased for good: only a backup made before holds it.</source>
        <translation>Rimuovere «{name}» dalla sua scheda? Viene cancellato per sempre: lo conserva solo un backup fatto prima.</translation>
    </message>
    <message>
        <source>Removing the document…</source>
        <translation>Rimozione del documento…</translation>
    </message>
    <message>
        <source>Document removed</source>
        <translation>Documento rimosso</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase her identity — {code}</source>
        <translation>Cancella la sua identità — {code}</translation>
    </message>
    <message>
        <source>Her name, date of birth, contacts and every free-text note of this case will be erased for good. Only the anonymous statistical data stay. This cannot be undone.</source>
        <translation>Il suo nome, la data di nascita, i recapiti e ogni nota a testo libero di questo caso saranno cancellati definitivamente. Restano solo i dati statistici anonimi. L’operazione è irreversibile.</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>&amp;Cancella</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Errore imprevisto</translation>
    </message>
    <message>
        <source>Something went wrong and the last action was not completed. Nothing was half-saved. If it happens again, note what you were doing and the technical detail, and tell whoever looks after Ascolto for your centre.</source>
        <translation>Qualcosa non ha funzionato e l’ultima operazione non è stata completata. Nulla è stato salvato a metà. Se succede di nuovo, annota cosa stavi facendo e il dettaglio tecnico, e avvisa chi segue Ascolto per il tuo centro.</translation>
    </message>
    <message>
        <source>Technical detail: {kind}</source>
        <translation>Dettaglio tecnico: {kind}</translation>
    </message>
</context>
<context>
    <name>ErrorPage</name>
    <message>
        <source>Ascolto cannot open its data</source>
        <translation>Ascolto non riesce ad aprire i suoi dati</translation>
    </message>
    <message>
        <source>Close Ascolto, solve the problem (or ask your administrator) and start it again.</source>
        <translation>Chiudi Ascolto, risolvi il problema (o chiedi all’amministratrice) e riavvialo.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A help desk needs a name (at most 200 characters).</source>
        <translation>Uno sportello deve avere un nome (al massimo 200 caratteri).</translation>
    </message>
    <message>
        <source>A help desk named {name} already exists.</source>
        <translation>Esiste già uno sportello chiamato {name}.</translation>
    </message>
    <message>
        <source>Unknown role {role}.</source>
        <translation>Ruolo sconosciuto: {role}.</translation>
    </message>
    <message>
        <source>An operatrice must belong to a help desk.</source>
        <translation>Un’operatrice deve appartenere a uno sportello.</translation>
    </message>
    <message>
        <source>No such help desk.</source>
        <translation>Sportello inesistente.</translation>
    </message>
    <message>
        <source>The user name {name} is taken.</source>
        <translation>Il nome utente {name} è già in uso.</translation>
    </message>
    <message>
        <source>The account {name} is revoked: it cannot get a password.</source>
        <translation>L’account {name} è revocato: non può ricevere una password.</translation>
    </message>
    <message>
        <source>The key file could not be written: {reason}</source>
        <translation>Non è stato possibile scrivere il file delle chiavi: {reason}</translation>
    </message>
    <message>
        <source>You cannot revoke your own account.</source>
        <translation>Non puoi revocare il tuo stesso account.</translation>
    </message>
    <message>
        <source>This account is already revoked.</source>
        <translation>Questo account è già revocato.</translation>
    </message>
    <message>
        <source>There is no account named {name}.</source>
        <translation>Non esiste un account chiamato {name}.</translation>
    </message>
    <message>
        <source>No such case.</source>
        <translation>Caso inesistente.</translation>
    </message>
    <message>
        <source>This case belongs to another help desk: you cannot open or change it.</source>
        <translation>Questo caso appartiene a un altro sportello: non puoi aprirlo né modificarlo.</translation>
    </message>
    <message>
        <source>This case was closed on {day}: record only what happened until then.</source>
        <translation>Questo caso è stato chiuso il {day}: registra solo ciò che è avvenuto fino a quella data.</translation>
    </message>
    <message>
        <source>She withdrew her consent to processing: nothing more can be recorded in this case.</source>
        <translation>Ha revocato il consenso al trattamento: in questo caso non si può registrare altro.</translation>
    </message>
    <message>
        <source>Choose a help desk.</source>
        <translation>Scegli uno sportello.</translation>
    </message>
    <message>
        <source>You can record only for your own help desk.</source>
        <translation>Puoi registrare solo per il tuo sportello.</translation>
    </message>
    <message>
        <source>The help desk {name} is closed: it takes no new cases or contacts.</source>
        <translation>Lo sportello {name} è chiuso: non prende nuovi casi né contatti.</translation>
    </message>
    <message>
        <source>Enter at least her first name or last name (a nickname will do).</source>
        <translation>Inserisci almeno il nome o il cognome (va bene anche un soprannome).</translation>
    </message>
    <message>
        <source>Not a date ({field}).</source>
        <translation>Non è una data ({field}).</translation>
    </message>
    <message>
        <source>There cannot be more minor children than children.</source>
        <translation>I figli minorenni non possono essere più dei figli.</translation>
    </message>
    <message>
        <source>This number cannot exceed the number of minor children ({field}).</source>
        <translation>Questo numero non può superare quello dei figli minorenni ({field}).</translation>
    </message>
    <message>
        <source>A case can be opened only with her consent to processing. Without it, record an anonymous contact.</source>
        <translation>Un caso si apre solo con il suo consenso al trattamento. Senza consenso, registra un contatto anonimo.</translation>
    </message>
    <message>
        <source>This case already has a pathway.</source>
        <translation>Questo caso ha già un percorso.</translation>
    </message>
    <message>
        <source>Agree a pathway with her first.</source>
        <translation>Prima concorda con lei un percorso.</translation>
    </message>
    <message>
        <source>No such goal.</source>
        <translation>Obiettivo inesistente.</translation>
    </message>
    <message>
        <source>She has not consented to sharing her data with this service. Record her consent first, or make the referral without sharing data.</source>
        <translation>Non ha acconsentito a condividere i suoi dati con questo servizio. Registra prima il consenso, oppure fai l’invio senza condividere dati.</translation>
    </message>
    <message>
        <source>No such referral.</source>
        <translation>Invio inesistente.</translation>
    </message>
    <message>
        <source>This case is closed.</source>
        <translation>Questo caso è chiuso.</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a valid choice ({field}).</source>
        <translation>’{code}’ non è una scelta valida ({field}).</translation>
    </message>
    <message>
        <source>A case cannot be closed before it was opened.</source>
        <translation>Un caso non può essere chiuso prima della data di apertura.</translation>
    </message>
    <message>
        <source>A case cannot be closed before its pathway was agreed.</source>
        <translation>Un caso non può essere chiuso prima che il percorso sia stato concordato.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Nome utente o password errati.</translation>
    </message>
    <message>
        <source>Too many failed attempts for this account. Wait {seconds} seconds and try again.</source>
        <translation>Troppi tentativi falliti per questo account. Attendi {seconds} secondi e riprova.</translation>
    </message>
    <message>
        <source>The workspace is locked. Unlock it to continue.</source>
        <translation>Ascolto è bloccato. Sbloccalo per continuare.</translation>
    </message>
    <message>
        <source>The date is required ({field}).</source>
        <translation>La data è obbligatoria ({field}).</translation>
    </message>
    <message>
        <source>This help desk does not exist.</source>
        <translation>Questo sportello non esiste.</translation>
    </message>
    <message>
        <source>An appointment cannot be set in the past.</source>
        <translation>Un appuntamento non può essere fissato nel passato.</translation>
    </message>
    <message>
        <source>Write the time as hours and minutes, e.g. 09:30.</source>
        <translation>Scrivi l&apos;ora come ore e minuti, per esempio 09:30.</translation>
    </message>
    <message>
        <source>Choose what the appointment is for.</source>
        <translation>Scegli a cosa serve l&apos;appuntamento.</translation>
    </message>
    <message>
        <source>Choose an active operator.</source>
        <translation>Scegli un&apos;operatrice attiva.</translation>
    </message>
    <message>
        <source>No such appointment.</source>
        <translation>Appuntamento inesistente.</translation>
    </message>
    <message>
        <source>You can print the agenda of your own help desk only.</source>
        <translation>Puoi stampare solo l&apos;agenda del tuo sportello.</translation>
    </message>
    <message>
        <source>The date cannot be in the future ({field}).</source>
        <translation>La data non può essere nel futuro ({field}).</translation>
    </message>
    <message>
        <source>The date is implausibly old ({field}).</source>
        <translation>La data è troppo lontana nel passato per essere plausibile ({field}).</translation>
    </message>
    <message>
        <source>The date is implausible ({field}).</source>
        <translation>La data non è plausibile ({field}).</translation>
    </message>
    <message>
        <source>This date cannot come before the case was opened ({field}).</source>
        <translation>Questa data non può precedere l’apertura del caso ({field}).</translation>
    </message>
    <message>
        <source>This date cannot come before the pathway was agreed ({field}).</source>
        <translation>Questa data non può precedere l’accordo sul percorso ({field}).</translation>
    </message>
    <message>
        <source>The outcome cannot come before the referral itself ({field}).</source>
        <translation>L’esito non può precedere l’invio ({field}).</translation>
    </message>
    <message>
        <source>Minutes must be a whole number from {low} to {high}.</source>
        <translation>I minuti devono essere un numero intero da {low} a {high}.</translation>
    </message>
    <message>
        <source>The year of birth must be between {low} and {high}.</source>
        <translation>L’anno di nascita deve essere compreso tra {low} e {high}.</translation>
    </message>
    <message>
        <source>Enter a number from 0 to {maximum} ({field}).</source>
        <translation>Inserisci un numero da 0 a {maximum} ({field}).</translation>
    </message>
    <message>
        <source>Unknown or repeated choice ({field}).</source>
        <translation>Scelta sconosciuta o ripetuta ({field}).</translation>
    </message>
    <message>
        <source>Not text ({field}).</source>
        <translation>Non è un testo ({field}).</translation>
    </message>
    <message>
        <source>Too long: at most {maximum} characters ({field}).</source>
        <translation>Troppo lungo: al massimo {maximum} caratteri ({field}).</translation>
    </message>
    <message>
        <source>Invalid characters ({field}).</source>
        <translation>Caratteri non validi ({field}).</translation>
    </message>
    <message>
        <source>&apos;Nobody&apos; and &apos;not available&apos; cannot be chosen together with another answer ({field}).</source>
        <translation>«Nessuno» e «non disponibile» non si possono scegliere insieme a un’altra risposta ({field}).</translation>
    </message>
    <message>
        <source>Enter a number from {low} to {high} ({field}).</source>
        <translation>Inserisci un numero da {low} a {high} ({field}).</translation>
    </message>
    <message>
        <source>Use at least 15 characters. A few unrelated words are easy to remember and hard to guess, for example: &apos;lampada fiume gatto neve&apos;. No symbols or digits are required.</source>
        <translation>Usa almeno 15 caratteri. Alcune parole senza legame tra loro sono facili da ricordare e difficili da indovinare, per esempio: ’lampada fiume gatto neve’. Non servono simboli né numeri.</translation>
    </message>
    <message>
        <source>This account may not open the data folder {folder}. Whoever looks after Ascolto on this PC must add the account to the group “{group}”; then sign out and sign in again (a new group counts only from the next sign-in).</source>
        <translation>Questo account non può aprire la cartella dei dati {folder}. Chi si occupa di Ascolto su questo PC deve aggiungere l&apos;account al gruppo “{group}”; poi occorre uscire dalla sessione ed entrare di nuovo (un nuovo gruppo vale solo dall&apos;accesso successivo).</translation>
    </message>
    <message>
        <source>The database file is missing from the data folder {folder}.</source>
        <translation>Nella cartella dati {folder} manca il file dell’archivio.</translation>
    </message>
    <message>
        <source>The database file in {folder} is empty. Restore it from a backup.</source>
        <translation>Il file dell’archivio in {folder} è vuoto. Ripristinalo da una copia di sicurezza.</translation>
    </message>
    <message>
        <source>The file in {folder} is an unencrypted SQLite file, not an Ascolto database. It was not opened.</source>
        <translation>Il file in {folder} è un file SQLite non cifrato, non un archivio di Ascolto. Non è stato aperto.</translation>
    </message>
    <message>
        <source>The database file in {folder} is truncated or damaged. Restore it from a backup.</source>
        <translation>Il file dell’archivio in {folder} è troncato o danneggiato. Ripristinalo da una copia di sicurezza.</translation>
    </message>
    <message>
        <source>The database file in {folder} is damaged or does not belong to these key slots. It was left untouched; restore it from a backup.</source>
        <translation>Il file dell’archivio in {folder} è danneggiato o non corrisponde a queste chiavi. Non è stato toccato; ripristinalo da una copia di sicurezza.</translation>
    </message>
    <message>
        <source>The database file in {folder} cannot be read right now (disk full, read-only or no permission). It was left untouched.</source>
        <translation>Il file dell’archivio in {folder} non si può leggere in questo momento (disco pieno, sola lettura o permessi mancanti). Non è stato toccato.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Ascolto. Install the newer version to open it.</source>
        <translation>Questo archivio è stato scritto da una versione più recente di Ascolto. Installa la versione più recente per aprirlo.</translation>
    </message>
    <message>
        <source>The data folder {folder} already holds a database.</source>
        <translation>La cartella dati {folder} contiene già un archivio.</translation>
    </message>
    <message>
        <source>The database in {folder} is damaged: part of it cannot be read. Nothing was changed; restore the latest backup.</source>
        <translation>L’archivio in {folder} è danneggiato: una parte non è leggibile. Non è stato modificato nulla; ripristina la copia di sicurezza più recente.</translation>
    </message>
    <message>
        <source>The data folder {folder} is on a network share ({detail}). Ascolto keeps its encrypted database on a local disk only: network file systems do not lock and flush reliably, and the database could be damaged. Choose a folder on this PC. An administrator who accepts the risk can set {env}=1.</source>
        <translation>La cartella dati {folder} si trova in una cartella di rete condivisa ({detail}). Ascolto conserva il suo archivio cifrato solo su un disco locale: i file system di rete non garantiscono in modo affidabile il blocco dei file e la scrittura completa dei dati, e l’archivio potrebbe danneggiarsi. Scegli una cartella su questo PC. Un’amministratrice che accetta il rischio può impostare {env}=1.</translation>
    </message>
    <message>
        <source>The data folder {folder} is inside a folder kept in sync with the cloud ({detail}). The encrypted database and its keys would be copied to other servers and could be damaged by the sync. Choose a folder on this PC outside OneDrive, Dropbox, Google Drive and the like. An administrator who accepts the risk can set {env}=1.</source>
        <translation>La cartella dati {folder} si trova in una cartella sincronizzata con il cloud ({detail}). L’archivio cifrato e le sue chiavi verrebbero copiati su server esterni e la sincronizzazione potrebbe danneggiarli. Scegli una cartella su questo PC, fuori da OneDrive, Dropbox, Google Drive e servizi simili. Un’amministratrice che accetta il rischio può impostare {env}=1.</translation>
    </message>
    <message>
        <source>The disk is full: the last change was not saved. Free some space and try again.</source>
        <translation>Il disco è pieno: l’ultima modifica non è stata salvata. Libera un po’ di spazio e riprova.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be written (read-only or no permission): the last change was not saved.</source>
        <translation>Non si può scrivere nella cartella dei dati {folder} (sola lettura o permessi mancanti): l’ultima modifica non è stata salvata.</translation>
    </message>
    <message>
        <source>The database is busy. Try again in a moment.</source>
        <translation>L’archivio è occupato. Riprova tra un momento.</translation>
    </message>
    <message>
        <source>The disk reported an error: the last change was not saved. Check the disk and try again.</source>
        <translation>Il disco ha segnalato un errore: l’ultima modifica non è stata salvata. Controlla il disco e riprova.</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Non è possibile aprire l’archivio.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {minimum} characters.</source>
        <translation>La password è troppo corta: usa almeno {minimum} caratteri.</translation>
    </message>
    <message>
        <source>This is the example Ascolto shows, so anyone can guess it: choose your own words.</source>
        <translation>È l’esempio mostrato da Ascolto, quindi chiunque può indovinarlo: scegli parole tue.</translation>
    </message>
    <message>
        <source>The password is made of names anyone at the centre knows (yours, the centre&apos;s or the help desk&apos;s): choose unrelated words.</source>
        <translation>La password è fatta di nomi che chiunque al centro conosce (il tuo, quello del centro o dello sportello): scegli parole senza legame tra loro.</translation>
    </message>
    <message>
        <source>Repeated words or characters are easy to guess: use different, unrelated words.</source>
        <translation>Parole o caratteri ripetuti sono facili da indovinare: usa parole diverse e senza legame tra loro.</translation>
    </message>
    <message>
        <source>Sequences such as 12345, abcde or qwerty are among the first guesses: use unrelated words.</source>
        <translation>Sequenze come 12345, abcde o qwerty sono tra i primi tentativi: usa parole senza legame tra loro.</translation>
    </message>
    <message>
        <source>This password is common or easy to guess: use four or five unrelated words.</source>
        <translation>Questa password è comune o facile da indovinare: usa quattro o cinque parole senza legame tra loro.</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>La password è troppo lunga.</translation>
    </message>
    <message>
        <source>A user name has 1 to 64 characters: letters without accents, digits, dot, dash or underscore.</source>
        <translation>Un nome utente ha da 1 a 64 caratteri: lettere senza accenti, cifre, punto, trattino o trattino basso.</translation>
    </message>
    <message>
        <source>No Ascolto data folder at {folder}. Set one up first.</source>
        <translation>In {folder} non c’è una cartella dati di Ascolto. Prima configurane una.</translation>
    </message>
    <message>
        <source>The key file of {folder} is missing or damaged; the database cannot be unlocked without it. Restore keyslots.json from a backup.</source>
        <translation>Il file delle chiavi di {folder} manca o è danneggiato; senza di esso l’archivio non si può sbloccare. Ripristina keyslots.json da una copia di sicurezza.</translation>
    </message>
    <message>
        <source>Cannot create the data folder {folder}: {reason}</source>
        <translation>Impossibile creare la cartella dati {folder}: {reason}</translation>
    </message>
    <message>
        <source>Ascolto is already running with the data folder {folder} ({holder}). Close it there first; if that session was left open on another Windows user, she can lock it or sign out.</source>
        <translation>Ascolto è già in uso con la cartella dei dati {folder} ({holder}). Chiudilo prima lì; se quella sessione è rimasta aperta in un altro utente di Windows, chi la usa può bloccarla o uscire.</translation>
    </message>
    <message>
        <source>Ascolto is already running with the data folder {folder}. Close it first.</source>
        <translation>Ascolto è già aperto con la cartella dati {folder}. Chiudilo prima.</translation>
    </message>
    <message>
        <source>The data folder {folder} is not writable: {reason}</source>
        <translation>Non è possibile scrivere nella cartella dati {folder}: {reason}</translation>
    </message>
    <message>
        <source>The centre and the help desk need a name.</source>
        <translation>Il centro e lo sportello devono avere un nome.</translation>
    </message>
    <message>
        <source>The centre code is 2 to 6 letters, for example BG.</source>
        <translation>Il codice del centro ha da 2 a 6 lettere, per esempio BG.</translation>
    </message>
    <message>
        <source>This key-derivation cost is below the safe minimum.</source>
        <translation>Questo costo di derivazione della chiave è sotto il minimo sicuro.</translation>
    </message>
    <message>
        <source>The workspace is closed.</source>
        <translation>L’archivio è chiuso.</translation>
    </message>
    <message>
        <source>This recovery key has a typing mistake: check each group of four characters.</source>
        <translation>Questa chiave di recupero contiene un errore di battitura: controlla ogni gruppo di quattro caratteri.</translation>
    </message>
    <message>
        <source>This recovery key does not open this data folder.</source>
        <translation>Questa chiave di recupero non apre questa cartella dati.</translation>
    </message>
    <message>
        <source>There is no active account named {name}.</source>
        <translation>Non esiste un account attivo chiamato {name}.</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>Il tuo ruolo non consente questa operazione.</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist.</source>
        <translation>La copia di sicurezza {path} non esiste.</translation>
    </message>
    <message>
        <source>{path} is not an Ascolto backup file.</source>
        <translation>{path} non è una copia di sicurezza di Ascolto.</translation>
    </message>
    <message>
        <source>The backup file {path} is damaged ({detail}) and was not used. Nothing was changed.</source>
        <translation>La copia di sicurezza {path} è danneggiata ({detail}) e non è stata usata. Non è cambiato nulla.</translation>
    </message>
    <message>
        <source>The backup file {path} cannot be decrypted and was not used. Nothing was changed.</source>
        <translation>La copia di sicurezza {path} non si può decifrare e non è stata usata. Non è cambiato nulla.</translation>
    </message>
    <message>
        <source>The description inside the backup file {path} was altered after the backup was made: the file was not used. Nothing was changed.</source>
        <translation>La descrizione contenuta nel file di backup {path} è stata alterata dopo il backup: il file non è stato usato. Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>Restoring over this database needs the user name and password of one of its administrators (or its current recovery key). Nothing was changed.</source>
        <translation>Per ripristinare un backup al posto di questo archivio servono nome utente e password di una delle sue amministratrici (o la sua chiave di recupero attuale). Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>The backup must be opened by one of its administrators, with the password valid when it was made (or with the recovery key of that time). Nothing was changed.</source>
        <translation>Il backup deve essere aperto da una delle sue amministratrici, con la password valida quando è stato fatto (o con la chiave di recupero di allora). Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>This data folder has been in use and its database cannot be read: restoring needs the current password of one of its administrators (the one that opens the folder&apos;s key file today, and an administrator in the backup too) or the current recovery key. A password valid only when the backup was made is not enough. Nothing was changed.</source>
        <translation>Questa cartella dei dati è stata usata e il suo archivio non si può leggere: il ripristino richiede la password attuale di una delle sue amministratrici (quella che oggi apre il file delle chiavi della cartella, e amministratrice anche nel backup) oppure la chiave di recupero attuale. Una password valida solo quando è stato fatto il backup non basta. Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>This data folder has been in use ({traces}), but its key file keyslots.json is missing or damaged, so nobody&apos;s current password can be checked: a backup cannot be restored into it. Put the key file back, or have the folder emptied (keep its contents elsewhere): a restore into an empty folder needs the backup&apos;s administrator, and every administrator is told of it at her next sign-in. Nothing was changed.</source>
        <translation>Questa cartella dei dati è stata usata ({traces}), ma il suo file delle chiavi keyslots.json manca o è danneggiato, quindi non si può verificare la password attuale di nessuna: non vi si può ripristinare un backup. Rimetti al suo posto il file delle chiavi, oppure fai svuotare la cartella (conservandone altrove il contenuto): il ripristino in una cartella vuota richiede un’amministratrice del backup, e ogni amministratrice ne viene avvisata al suo prossimo accesso. Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>The account {name} was revoked after this backup was made: it cannot restore it. Nothing was changed.</source>
        <translation>L’account {name} è stato revocato dopo questo backup: non può ripristinarlo. Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>The key file of this data folder is damaged: no backup was made.</source>
        <translation>Il file della chiave di questa cartella dei dati è danneggiato: non è stato fatto alcun backup.</translation>
    </message>
    <message>
        <source>The backup does not fit in {path}: the disk is full. Nothing was kept.</source>
        <translation>Il backup non entra in {path}: il disco è pieno. Non è stato conservato nulla.</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>Non è stato possibile scrivere la copia di sicurezza in {path}: {reason}</translation>
    </message>
    <message>
        <source>Enter a number of days from 1 to 365.</source>
        <translation>Inserisci un numero di giorni da 1 a 365.</translation>
    </message>
    <message>
        <source>These credentials do not open the backup. Use a password that was valid when the backup was made, or the recovery key of that time.</source>
        <translation>Queste credenziali non aprono la copia di sicurezza. Usa una password valida al momento della copia, o la chiave di recupero di allora.</translation>
    </message>
    <message>
        <source>The threshold must be a whole number from {low} to 50 (the SISTAN ethics rules for statistics, art. 5, allow no less than 3).</source>
        <translation>La soglia deve essere un numero intero da {low} a 50 (le regole deontologiche del Sistan per i trattamenti a fini statistici, art. 5, non consentono meno di 3).</translation>
    </message>
    <message>
        <source>The period {period} has not begun yet.</source>
        <translation>Il periodo {period} non è ancora iniziato.</translation>
    </message>
    <message>
        <source>The help desk {name} is already open.</source>
        <translation>Lo sportello {name} è già aperto.</translation>
    </message>
    <message>
        <source>The help desk {name} is already closed.</source>
        <translation>Lo sportello {name} è già chiuso.</translation>
    </message>
    <message>
        <source>No help desk named {name}.</source>
        <translation>Nessuno sportello chiamato {name}.</translation>
    </message>
    <message>
        <source>Only a month, a quarter, a semester or a year can leave the PC: two custom ranges that overlap could be subtracted to reveal one woman. Choose a calendar period.</source>
        <translation>Dal PC possono uscire solo un mese, un trimestre, un semestre o un anno: due intervalli personalizzati che si sovrappongono potrebbero essere sottratti l’uno dall’altro e rivelare una donna. Scegli un periodo di calendario.</translation>
    </message>
    <message>
        <source>{period} has not ended yet. A period is released once, so releasing it now would leave its figures incomplete for good: preview it on screen, and release it from {day}.</source>
        <translation>{period} non è ancora concluso. Un periodo si rilascia una volta sola: rilasciarlo ora lascerebbe i suoi dati incompleti per sempre. Guardane l’anteprima sullo schermo e rilascialo dal {day}.</translation>
    </message>
    <message>
        <source>Fewer than {minimum} women are counted for {period} at these help desks: so few could be recognised. Choose a longer period or more help desks.</source>
        <translation>Nel periodo «{period}» questi sportelli contano meno di {minimum} donne: così poche potrebbero essere riconosciute. Scegli un periodo più lungo o più sportelli.</translation>
    </message>
    <message>
        <source>{desks} and {other} cannot be released together for overlapping periods: one could be subtracted from the other. Release the whole centre or one help desk at a time.</source>
        <translation>{desks} e {other} non possono essere diffusi insieme per periodi che si sovrappongono: uno si potrebbe sottrarre dall’altro. Diffondi l’intero centro o uno sportello alla volta.</translation>
    </message>
    <message>
        <source>{period} was already released on {day} for {other}. Releasing it for {desks} too would let one be subtracted from the other: release the whole centre or one help desk at a time, or the same help desks as then.</source>
        <translation>Il periodo «{period}» è già stato diffuso il {day} per {other}. Diffonderlo anche per {desks} permetterebbe di sottrarre l’uno dall’altro: diffondi l’intero centro o uno sportello alla volta, oppure gli stessi sportelli di allora.</translation>
    </message>
    <message>
        <source>The release log names a release of {period} for {desks} whose signature does not verify (it may have been forged or damaged): the period stays closed while that line is there. An administrator sees it with &apos;ascolto verify&apos;.</source>
        <translation>Il registro dei rilasci nomina un rilascio di {period} per {desks} la cui firma non si verifica (potrebbe essere stato falsificato o danneggiato): il periodo resta chiuso finché quella riga c’è. Un’amministratrice la vede con «ascolto verify».</translation>
    </message>
    <message>
        <source>{period} was released on {day} with the earlier protection method, whose copy was not kept. Releasing it again would give a second version to compare with the first.</source>
        <translation>Il periodo «{period}» è stato diffuso il {day} con il metodo di protezione precedente, di cui non è stata conservata la copia. Diffonderlo di nuovo darebbe una seconda versione da confrontare con la prima.</translation>
    </message>
    <message>
        <source>{period} was already released for these help desks on {day}, but its copy is missing from this data folder: it cannot be released again.</source>
        <translation>Il periodo «{period}» è già stato diffuso per questi sportelli il {day}, ma la sua copia manca da questa cartella dei dati: non può essere diffuso di nuovo.</translation>
    </message>
    <message>
        <source>The file could not be written to {path}: {reason}</source>
        <translation>Non è stato possibile scrivere il file in {path}: {reason}</translation>
    </message>
    <message>
        <source>The release log of {centre} went backwards: {seq} releases were logged before this package, {earlier} before an earlier one, which was then logged too. Ask the centre why (its releases folder deleted, or an older copy restored): a period could leave twice.</source>
        <translation>Il registro delle diffusioni di {centre} è tornato indietro: prima di questo pacchetto risultano registrate {seq} diffusioni, prima di uno precedente {earlier}, e anche quello è stato poi registrato. Chiedete al centro il motivo (cartella releases cancellata o ripristinata una copia più vecchia): uno stesso periodo potrebbe essere diffuso due volte.</translation>
    </message>
    <message>
        <source>The package {name} was refused: {reason}</source>
        <translation>Il pacchetto {name} è stato rifiutato: {reason}</translation>
    </message>
    <message>
        <source>it says the key {old} of {centre} was replaced by {new}, but the network recorded another replacement of that key: one of the two is forged. Phone the centre before trusting anything signed by either.</source>
        <translation>dice che la chiave {old} di {centre} è stata sostituita da {new}, ma la rete ha registrato un’altra sostituzione di quella chiave: una delle due è falsa. Telefona al centro prima di fidarti di qualunque cosa firmata da una delle due.</translation>
    </message>
    <message>
        <source>it is signed with the key {fingerprint}, which {centre} replaced on {day} (the new key was signed by the old one). Someone who kept the old key may have made this package: ask the centre to export it again.</source>
        <translation>è firmato con la chiave {fingerprint}, che {centre} ha sostituito il {day} (la nuova chiave è firmata dalla precedente). Questo pacchetto può averlo fatto chi ha conservato la vecchia chiave: chiedi al centro di esportarlo di nuovo.</translation>
    </message>
    <message>
        <source>At most {n} packages go into one network report.</source>
        <translation>Un report di rete può comprendere al massimo {n} pacchetti.</translation>
    </message>
    <message>
        <source>The signing key of {centre} is not trusted yet (fingerprint {fingerprint}).</source>
        <translation>La chiave di firma di {centre} non è ancora considerata affidabile (impronta {fingerprint}).</translation>
    </message>
    <message>
        <source>Choose at least one package.</source>
        <translation>Scegli almeno un pacchetto.</translation>
    </message>
    <message>
        <source>The packages cannot be merged: {reason}</source>
        <translation>Non è possibile unire i pacchetti: {reason}</translation>
    </message>
    <message>
        <source>Closed case files are kept from 1 to 50 years after closure.</source>
        <translation>Le schede dei casi chiusi si conservano da 1 a 50 anni dopo la chiusura.</translation>
    </message>
    <message>
        <source>Contact-only records are kept from 1 to 120 months.</source>
        <translation>I contatti senza presa in carico si conservano da 1 a 120 mesi.</translation>
    </message>
    <message>
        <source>Audit events are kept from 1 to 50 years.</source>
        <translation>Gli eventi del registro di controllo si conservano da 1 a 50 anni.</translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation>Scegli sì o no.</translation>
    </message>
    <message>
        <source>This plan is a preview for a future date and cannot be applied.</source>
        <translation>Questo piano è un’anteprima per una data futura e non si può applicare.</translation>
    </message>
    <message>
        <source>The retention settings changed: review what is due again.</source>
        <translation>Le impostazioni di conservazione sono cambiate: controlla di nuovo cosa è in scadenza.</translation>
    </message>
    <message>
        <source>The data folder {folder} holds {count} cases that the demo did not make: it may be a real archive, and synthetic cases would be counted with them.</source>
        <translation>La cartella dati {folder} contiene {count} casi che la demo non ha creato: può essere un archivio reale, e i casi sintetici verrebbero contati insieme a quelli.</translation>
    </message>
    <message>
        <source>invalid package: {where}: {problem}</source>
        <translation>pacchetto non valido: {where}: {problem}</translation>
    </message>
    <message>
        <source>package is larger than {size} bytes</source>
        <translation>il pacchetto supera i {size} byte</translation>
    </message>
    <message>
        <source>package is not UTF-8 text</source>
        <translation>il pacchetto non è testo UTF-8</translation>
    </message>
    <message>
        <source>package is not a JSON object</source>
        <translation>il pacchetto non è un oggetto JSON</translation>
    </message>
    <message>
        <source>not an Ascolto aggregate package (format is not &apos;ascolto-aggregates&apos;)</source>
        <translation>non è un pacchetto di dati aggregati di Ascolto (il formato non è ’ascolto-aggregates’)</translation>
    </message>
    <message>
        <source>package format version is missing or not an integer</source>
        <translation>la versione del formato del pacchetto manca o non è un numero intero</translation>
    </message>
    <message>
        <source>package format version {version} is not supported (this Ascolto reads {readable})</source>
        <translation>la versione {version} del formato del pacchetto non è supportata (questa versione di Ascolto legge {readable})</translation>
    </message>
    <message>
        <source>unknown key {key} in package</source>
        <translation>chiave sconosciuta {key} nel pacchetto</translation>
    </message>
    <message>
        <source>package is not signed</source>
        <translation>il pacchetto non è firmato</translation>
    </message>
    <message>
        <source>package content cannot be canonicalised</source>
        <translation>il contenuto del pacchetto non può essere reso in forma canonica</translation>
    </message>
    <message>
        <source>signature does not match the content: the package was altered or damaged</source>
        <translation>la firma non corrisponde al contenuto: il pacchetto è stato modificato o è danneggiato</translation>
    </message>
    <message>
        <source>package is not valid JSON</source>
        <translation>il pacchetto non è JSON valido</translation>
    </message>
    <message>
        <source>cannot read package file: {error}</source>
        <translation>impossibile leggere il file del pacchetto: {error}</translation>
    </message>
    <message>
        <source>signature algorithm is not Ed25519</source>
        <translation>l’algoritmo di firma non è Ed25519</translation>
    </message>
    <message>
        <source>not a base64 string</source>
        <translation>non è una stringa base64</translation>
    </message>
    <message>
        <source>not valid base64</source>
        <translation>non è base64 valido</translation>
    </message>
    <message>
        <source>not the base64 of {length} bytes</source>
        <translation>non è la codifica base64 di {length} byte</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>non è un oggetto</translation>
    </message>
    <message>
        <source>unknown key {key}</source>
        <translation>chiave sconosciuta {key}</translation>
    </message>
    <message>
        <source>missing key {key}</source>
        <translation>manca la chiave {key}</translation>
    </message>
    <message>
        <source>not a string</source>
        <translation>non è una stringa</translation>
    </message>
    <message>
        <source>must be 1 to {max} characters</source>
        <translation>deve avere da 1 a {max} caratteri</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>contiene caratteri di controllo</translation>
    </message>
    <message>
        <source>contains invisible or text-direction characters (they can disguise a name)</source>
        <translation>contiene caratteri invisibili o di direzione del testo (possono camuffare un nome)</translation>
    </message>
    <message>
        <source>not a list</source>
        <translation>non è un elenco</translation>
    </message>
    <message>
        <source>must have {min} to {max} items</source>
        <translation>deve avere da {min} a {max} elementi</translation>
    </message>
    <message>
        <source>repeated code</source>
        <translation>codice ripetuto</translation>
    </message>
    <message>
        <source>not a number or null</source>
        <translation>non è un numero né null</translation>
    </message>
    <message>
        <source>a count of {unit} must be an integer</source>
        <translation>un conteggio di {unit} deve essere un numero intero</translation>
    </message>
    <message>
        <source>must be a finite non-negative number with at most one decimal</source>
        <translation>deve essere un numero finito non negativo con al più un decimale</translation>
    </message>
    <message>
        <source>negative number</source>
        <translation>numero negativo</translation>
    </message>
    <message>
        <source>number too large</source>
        <translation>numero troppo grande</translation>
    </message>
    <message>
        <source>not an ISO date (YYYY-MM-DD)</source>
        <translation>non è una data ISO (AAAA-MM-GG)</translation>
    </message>
    <message>
        <source>not a valid date</source>
        <translation>non è una data valida</translation>
    </message>
    <message>
        <source>must be {value}</source>
        <translation>deve essere {value}</translation>
    </message>
    <message>
        <source>must be one of {values}</source>
        <translation>deve essere uno tra {values}</translation>
    </message>
    <message>
        <source>repeated help desk</source>
        <translation>sportello ripetuto</translation>
    </message>
    <message>
        <source>start is after end</source>
        <translation>l’inizio è successivo alla fine</translation>
    </message>
    <message>
        <source>must be an integer from {min} to {max}</source>
        <translation>deve essere un numero intero da {min} a {max}</translation>
    </message>
    <message>
        <source>must be an integer from 0 to 10</source>
        <translation>deve essere un numero intero da 0 a 10</translation>
    </message>
    <message>
        <source>not an ISO UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)</source>
        <translation>non è un istante ISO in UTC (AAAA-MM-GGTHH:MM:SSZ)</translation>
    </message>
    <message>
        <source>not a valid timestamp</source>
        <translation>non è un istante valido</translation>
    </message>
    <message>
        <source>repeated table id {id}</source>
        <translation>identificativo di tabella ripetuto {id}</translation>
    </message>
    <message>
        <source>must list codes of {list} once each</source>
        <translation>deve elencare codici della lista {list}, ciascuno una volta sola</translation>
    </message>
    <message>
        <source>must be the last day of the period</source>
        <translation>deve essere l’ultimo giorno del periodo</translation>
    </message>
    <message>
        <source>not one of the package&apos;s help desks, or repeated</source>
        <translation>non è uno degli sportelli del pacchetto, o è ripetuto</translation>
    </message>
    <message>
        <source>does not follow the previous key change</source>
        <translation>non segue il cambio di chiave precedente</translation>
    </message>
    <message>
        <source>the key change is not signed by the key it replaces</source>
        <translation>il cambio di chiave non è firmato dalla chiave che sostituisce</translation>
    </message>
    <message>
        <source>does not end at the key that signed the package</source>
        <translation>non termina con la chiave che ha firmato il pacchetto</translation>
    </message>
    <message>
        <source>must hold one whole per cent from 0 to 100</source>
        <translation>deve contenere una percentuale intera da 0 a 100</translation>
    </message>
    <message>
        <source>not a SHA-256 digest in hexadecimal</source>
        <translation>non è un&apos;impronta SHA-256 in esadecimale</translation>
    </message>
    <message>
        <source>not a UTC time (YYYY-MM-DDTHH:MM:SS)</source>
        <translation>non è un orario UTC (AAAA-MM-GGTHH:MM:SS)</translation>
    </message>
    <message>
        <source>not true or false</source>
        <translation>non è true né false</translation>
    </message>
    <message>
        <source>hours are whole numbers in format version 2 (perturbed and rounded)</source>
        <translation>nella versione 2 del formato le ore sono numeri interi (perturbate e arrotondate)</translation>
    </message>
    <message>
        <source>a count below the threshold {k} (zero included) is published</source>
        <translation>è pubblicato un conteggio sotto la soglia {k} (zero compreso)</translation>
    </message>
    <message>
        <source>a count of women below the threshold {k} is not suppressed</source>
        <translation>un conteggio di donne sotto la soglia {k} non è oscurato</translation>
    </message>
    <message>
        <source>a suppressed value cannot be a lower bound</source>
        <translation>un valore oscurato non può essere un valore minimo</translation>
    </message>
    <message>
        <source>no packages to merge</source>
        <translation>nessun pacchetto da unire</translation>
    </message>
    <message>
        <source>more than {n} different tables to merge</source>
        <translation>più di {n} tabelle diverse da unire</translation>
    </message>
    <message>
        <source>table {table} appears twice in one package</source>
        <translation>la tabella {table} compare due volte nello stesso pacchetto</translation>
    </message>
    <message>
        <source>the same package was given twice: {package}</source>
        <translation>lo stesso pacchetto è stato indicato due volte: {package}</translation>
    </message>
    <message>
        <source>two packages cover the same help desks and period: {package}</source>
        <translation>due pacchetti riguardano gli stessi sportelli e lo stesso periodo: {package}</translation>
    </message>
    <message>
        <source>overlapping periods for help desk {desk}: {first} and {second}</source>
        <translation>periodi sovrapposti per lo sportello {desk}: {first} e {second}</translation>
    </message>
    <message>
        <source>table {table} counts {unit} in one package and {other} in another</source>
        <translation>la tabella {table} conta {unit} in un pacchetto e {other} in un altro</translation>
    </message>
    <message>
        <source>table {table} is additive in one package and not in another</source>
        <translation>la tabella {table} è additiva in un pacchetto e non in un altro</translation>
    </message>
    <message>
        <source>table {table} has more than {n} rows or columns once merged</source>
        <translation>una volta unita, la tabella {table} ha più di {n} righe o colonne</translation>
    </message>
    <message>
        <source>Her identity was erased on {date}. To enter who she is again, first record her new consent to processing (Consents).</source>
        <translation>La sua identità è stata cancellata il {date}. Per inserire di nuovo chi è, registra prima il suo nuovo consenso al trattamento (Consensi).</translation>
    </message>
    <message>
        <source>table {table} is not one of Ascolto&apos;s indicators</source>
        <translation>la tabella {table} non è uno degli indicatori di Ascolto</translation>
    </message>
    <message>
        <source>table {table} has a row {code} that its code list does not allow</source>
        <translation>la tabella {table} ha una riga {code} che la sua lista di codici non prevede</translation>
    </message>
    <message>
        <source>table {table} has a column {code} that its code list does not allow</source>
        <translation>la tabella {table} ha una colonna {code} che la sua lista di codici non prevede</translation>
    </message>
    <message>
        <source>Record first the date the report was filed ({field}).</source>
        <translation>Registra prima la data in cui la denuncia è stata presentata ({field}).</translation>
    </message>
    <message>
        <source>A verdict needs a trial recorded on or before its date ({field}).</source>
        <translation>Una sentenza richiede un processo registrato entro la sua data ({field}).</translation>
    </message>
    <message>
        <source>invalid export profile {where}: {problem}</source>
        <translation>profilo di esportazione non valido {where}: {problem}</translation>
    </message>
    <message>
        <source>no such profile; the profiles are: {names}</source>
        <translation>profilo inesistente; i profili sono: {names}</translation>
    </message>
    <message>
        <source>the file cannot be read: {reason}</source>
        <translation>il file non si può leggere: {reason}</translation>
    </message>
    <message>
        <source>not valid TOML: {reason}</source>
        <translation>TOML non valido: {reason}</translation>
    </message>
    <message>
        <source>the file is larger than {size} KB: a profile is a page of text</source>
        <translation>il file supera {size} KB: un profilo è una pagina di testo</translation>
    </message>
    <message>
        <source>tables and lists are nested more than {depth} levels deep</source>
        <translation>tabelle ed elenchi sono annidati per più di {depth} livelli</translation>
    </message>
    <message>
        <source>a table of keys is expected</source>
        <translation>è attesa una tabella di chiavi</translation>
    </message>
    <message>
        <source>unknown key {key}; the keys allowed here are: {allowed}</source>
        <translation>chiave sconosciuta {key}; le chiavi ammesse qui sono: {allowed}</translation>
    </message>
    <message>
        <source>a text is expected</source>
        <translation>è atteso un testo</translation>
    </message>
    <message>
        <source>an identifier in lower case letters, digits, - and _ is expected</source>
        <translation>è atteso un identificativo di lettere minuscole, cifre, - e _</translation>
    </message>
    <message>
        <source>more than {count} [[{key}]] in one profile</source>
        <translation>più di {count} [[{key}]] in un solo profilo</translation>
    </message>
    <message>
        <source>format = {expected} is required (this version reads {expected})</source>
        <translation>è richiesto format = {expected} (questa versione legge {expected})</translation>
    </message>
    <message>
        <source>a version number (1, 2, ...) is expected</source>
        <translation>è atteso un numero di versione (1, 2, ...)</translation>
    </message>
    <message>
        <source>periods must list some of: {kinds}</source>
        <translation>periods deve elencare alcuni di: {kinds}</translation>
    </message>
    <message>
        <source>layout must be one of: {layouts}</source>
        <translation>layout deve essere uno di: {layouts}</translation>
    </message>
    <message>
        <source>at least one [[tables]] is expected</source>
        <translation>è attesa almeno una [[tables]]</translation>
    </message>
    <message>
        <source>the table id {id} is used twice</source>
        <translation>l’id di tabella {id} è usato due volte</translation>
    </message>
    <message>
        <source>unknown source table {code}; Ascolto&apos;s tables are: {known}</source>
        <translation>tabella di origine sconosciuta {code}; le tabelle di Ascolto sono: {known}</translation>
    </message>
    <message>
        <source>{table} is the centre&apos;s structure, already by desk: it cannot go in a profile laid out by desk</source>
        <translation>{table} è la struttura del centro, già per sportello: non può stare in un profilo organizzato per sportello</translation>
    </message>
    <message>
        <source>a profile laid out by desk needs one column per table: map cols to one category</source>
        <translation>un profilo per sportello richiede una colonna per tabella: riunisci cols in una categoria</translation>
    </message>
    <message>
        <source>a list of codes or a table of categories is expected</source>
        <translation>è attesa una lista di codici o una tabella di categorie</translation>
    </message>
    <message>
        <source>invalid category code {code}</source>
        <translation>codice di categoria non valido {code}</translation>
    </message>
    <message>
        <source>from must list source codes</source>
        <translation>from deve elencare codici di origine</translation>
    </message>
    <message>
        <source>unknown code {code} for table {table}; its codes are: {known}</source>
        <translation>codice sconosciuto {code} per la tabella {table}; i suoi codici sono: {known}</translation>
    </message>
    <message>
        <source>code {code} of table {table} is mapped twice ({first} and {second})</source>
        <translation>il codice {code} della tabella {table} è assegnato due volte ({first} e {second})</translation>
    </message>
    <message>
        <source>{table} cannot be summed into {code}: it is multi-response (one woman in several rows) or the sum includes the total</source>
        <translation>{table} non si può sommare in {code}: è a risposta multipla (una donna in più righe) o la somma comprende il totale</translation>
    </message>
    <message>
        <source>The export profile was refused: {reason}</source>
        <translation>Il profilo di esportazione è stato rifiutato: {reason}</translation>
    </message>
    <message>
        <source>The profile {profile} is made for these periods: {kinds}.</source>
        <translation>Il profilo {profile} è fatto per questi periodi: {kinds}.</translation>
    </message>
    <message>
        <source>Unknown format {format}: choose xlsx, csv or json.</source>
        <translation>Formato sconosciuto {format}: scegli xlsx, csv o json.</translation>
    </message>
    <message>
        <source>Unknown layout {layout}: choose printed or long.</source>
        <translation>Impaginazione sconosciuta {layout}: scegli printed o long.</translation>
    </message>
    <message>
        <source>Enter a number of weeks from 1 to 52.</source>
        <translation>Inserisci un numero di settimane da 1 a 52.</translation>
    </message>
    <message>
        <source>Enter a number of months from 1 to 24.</source>
        <translation>Inserisci un numero di mesi da 1 a 24.</translation>
    </message>
    <message>
        <source>Enter a number of weeks from 0 (none) to 52.</source>
        <translation>Inserisci un numero di settimane da 0 (nessuna) a 52.</translation>
    </message>
    <message>
        <source>The audit trail of {centre} went backwards: {events} events in this package, {earlier} in an earlier one. Ask the centre why (a restore, or someone removed events).</source>
        <translation>Il registro di controllo di {centre} è tornato indietro: {events} eventi in questo pacchetto, {earlier} in uno precedente. Chiedete al centro perché (un ripristino, oppure qualcuno ha rimosso eventi).</translation>
    </message>
    <message>
        <source>The audit trail of {centre} differs from the one in an earlier package with as many events. Ask the centre why (a restore, or someone rewrote events).</source>
        <translation>Il registro di controllo di {centre} è diverso da quello di un pacchetto precedente con lo stesso numero di eventi. Chiedete al centro perché (un ripristino, oppure qualcuno ha riscritto eventi).</translation>
    </message>
    <message>
        <source>audit-head.json is missing from the data folder (the database last wrote it on {when}): the database and its key file may have been put back from an older copy.</source>
        <translation>Nella cartella dei dati manca audit-head.json (il database l&apos;ha scritto l&apos;ultima volta il {when}): il database e il suo file delle chiavi potrebbero essere stati rimessi da una copia più vecchia.</translation>
    </message>
    <message>
        <source>audit-head.json is damaged or belongs to another database: the database and its key file may have been put back from an older copy.</source>
        <translation>audit-head.json è danneggiato o appartiene a un altro database: il database e il suo file delle chiavi potrebbero essere stati rimessi da una copia più vecchia.</translation>
    </message>
    <message>
        <source>audit-head.json is older than the database (it shows {events} events, the database wrote {recorded} on {when}): the folder&apos;s files were put back from an older copy.</source>
        <translation>audit-head.json è più vecchio del database (mostra {events} eventi, il database ne ha scritti {recorded} il {when}): i file della cartella sono stati rimessi da una copia più vecchia.</translation>
    </message>
    <message>
        <source>The database is older than the audit trail {source} saw ({events} events on {when}): it was put back from an older copy, or events were removed.</source>
        <translation>Il database è più vecchio del registro di controllo visto da {source} ({events} eventi il {when}): è stato rimesso da una copia più vecchia, oppure sono stati tolti degli eventi.</translation>
    </message>
    <message>
        <source>erasures.jsonl holds {count} erasures, withdrawals or revocations this database lacks: it was put back from an older copy. They have been applied again.</source>
        <translation>erasures.jsonl contiene {count} cancellazioni, revoche del consenso o revoche di account che mancano in questo database: è stato rimesso da una copia più vecchia. Sono state applicate di nuovo.</translation>
    </message>
    <message>
        <source>keyslots.json is older than the database (key generation {slots}, the database is at {database}): it was put back from an older copy.</source>
        <translation>keyslots.json è più vecchio del database (generazione della chiave {slots}, il database è alla {database}): è stato rimesso da una copia più vecchia.</translation>
    </message>
    <message>
        <source>The database is older than keyslots.json (key generation {database}, the key file is at {slots}): it was put back from an older copy.</source>
        <translation>Il database è più vecchio di keyslots.json (generazione della chiave {database}, il file delle chiavi è alla {slots}): è stato rimesso da una copia più vecchia.</translation>
    </message>
    <message>
        <source>A backup made on {backup_made_at} was restored on {restored_at} into an empty data folder: revocations and erasures made after the backup may be undone. Check the accounts and recent erasures.</source>
        <translation>Un backup fatto il {backup_made_at} è stato ripristinato il {restored_at} in una cartella dei dati vuota: revoche e cancellazioni fatte dopo il backup potrebbero essere state annullate. Controlla gli account e le cancellazioni recenti.</translation>
    </message>
    <message>
        <source>A backup made on {backup_made_at} was restored on {restored_at} into an empty data folder: revocations and erasures made after the backup may be undone. Check the accounts and recent erasures. Details: {details}</source>
        <translation>Un backup fatto il {backup_made_at} è stato ripristinato il {restored_at} in una cartella dei dati vuota: revoche e cancellazioni fatte dopo il backup potrebbero essere state annullate. Controlla gli account e le cancellazioni recenti. Dettagli: {details}</translation>
    </message>
    <message>
        <source>{path} is not a regular file (it is a link, a device or a second name of another file): Ascolto does not read or write its append-only logs through it. Ask your technician to put the real file in its place. Nothing was changed.</source>
        <translation>{path} non è un file normale (è un collegamento, un dispositivo o un secondo nome di un altro file): Ascolto non legge né scrive attraverso di esso i suoi registri in sola aggiunta. Chiedi al tuo tecnico di rimettere al suo posto il file vero. Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>This help desk is closed: it takes no cases.</source>
        <translation>Questo sportello è chiuso: non accoglie casi.</translation>
    </message>
    <message>
        <source>The case already belongs to this help desk.</source>
        <translation>Il caso appartiene già a questo sportello.</translation>
    </message>
    <message>
        <source>Her documents take {size} MB, and a case moves to another PC in one bundle that carries at most {limit} MB of documents: nothing was transferred. Remove the documents she no longer needs, then transfer again.</source>
        <translation>I suoi documenti occupano {size} MB e una scheda passa a un altro PC in un solo pacchetto, che porta al massimo {limit} MB di documenti: non è stato trasferito nulla. Rimuovi i documenti che non le servono più, poi ripeti il trasferimento.</translation>
    </message>
    <message>
        <source>{path} already exists: choose another file name.</source>
        <translation>{path} esiste già: scegliete un altro nome di file.</translation>
    </message>
    <message>
        <source>Her consent to the transfer to another PC of the centre is not recorded: record it first (consent &apos;Transfer to another site of the centre&apos;).</source>
        <translation>Il suo consenso al trasferimento a un altro PC del centro non è registrato: registratelo prima (consenso &apos;Trasferimento ad altra sede del centro&apos;).</translation>
    </message>
    <message>
        <source>This PC has no help desk to receive the case.</source>
        <translation>Questo PC non ha uno sportello che possa ricevere il caso.</translation>
    </message>
    <message>
        <source>The case in this bundle is not in a form this version reads: refused, nothing was changed.</source>
        <translation>Il caso in questo pacchetto non è in una forma che questa versione legge: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>Case {code} from {name} is already here: a case is at one place only. Refused, nothing was changed.</source>
        <translation>Il caso {code} di {name} è già qui: un caso sta in un solo posto. Rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>Give the desk&apos;s name (at most 200 characters).</source>
        <translation>Indicate il nome dello sportello (al massimo 200 caratteri).</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. Nothing was changed.</source>
        <translation>Impossibile scrivere {path}: {reason}. Nulla è stato modificato.</translation>
    </message>
    <message>
        <source>{path} is not a centre invitation or answer made by Ascolto, or it was altered.</source>
        <translation>{path} non è un invito o una risposta del centro prodotti da Ascolto, oppure è stato alterato.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>Impossibile leggere {path}: {reason}</translation>
    </message>
    <message>
        <source>This PC is a desk of a centre: only the main office&apos;s PC invites others.</source>
        <translation>Questo PC è uno sportello di un centro: solo il PC della sede principale invita gli altri.</translation>
    </message>
    <message>
        <source>The main office cannot invite itself.</source>
        <translation>La sede principale non può invitare se stessa.</translation>
    </message>
    <message>
        <source>{name} is already an installation of the centre (it can be removed first).</source>
        <translation>{name} è già un&apos;installazione del centro (si può prima rimuoverla).</translation>
    </message>
    <message>
        <source>The fingerprint typed does not match the main office&apos;s key in {path}: nothing was accepted. Read it again with the main office, by phone on a number you already know.</source>
        <translation>L&apos;impronta digitata non corrisponde alla chiave della sede principale in {path}: nulla è stato accettato. Rileggetela con la sede principale, per telefono a un numero che già conoscete.</translation>
    </message>
    <message>
        <source>This PC already belongs to a centre.</source>
        <translation>Questo PC fa già parte di un centro.</translation>
    </message>
    <message>
        <source>The fingerprint typed does not match the desk&apos;s keys in {path}: nothing was accepted. Read it again with the desk, by phone on a number you already know.</source>
        <translation>L&apos;impronta digitata non corrisponde alle chiavi dello sportello in {path}: nulla è stato accettato. Rileggetela con lo sportello, per telefono a un numero che già conoscete.</translation>
    </message>
    <message>
        <source>{path} answers no invitation still open on this PC: nothing was accepted.</source>
        <translation>{path} non risponde a nessun invito ancora aperto su questo PC: nulla è stato accettato.</translation>
    </message>
    <message>
        <source>This installation is already in the centre.</source>
        <translation>Questa installazione fa già parte del centro.</translation>
    </message>
    <message>
        <source>No installation {name} in this centre.</source>
        <translation>Nessuna installazione {name} in questo centro.</translation>
    </message>
    <message>
        <source>This PC belongs to no centre of several PCs: invite or join first.</source>
        <translation>Questo PC non fa parte di un centro con più PC: prima invitate o aderite.</translation>
    </message>
    <message>
        <source>This bundle would be larger than the limit of {mib} MiB.</source>
        <translation>Questo pacchetto supererebbe il limite di {mib} MiB.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. The bundle is kept and written again by the next send.</source>
        <translation>Impossibile scrivere {path}: {reason}. Il pacchetto è conservato e il prossimo invio lo scrive di nuovo.</translation>
    </message>
    <message>
        <source>{path} is not a folder.</source>
        <translation>{path} non è una cartella.</translation>
    </message>
    <message>
        <source>Only the main office sends the list of the centre&apos;s installations.</source>
        <translation>Solo la sede principale invia l&apos;elenco delle installazioni del centro.</translation>
    </message>
    <message>
        <source>The list of installations in this bundle is damaged: refused, nothing was changed.</source>
        <translation>L&apos;elenco delle installazioni in questo pacchetto è danneggiato: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>{path} is larger than a bundle may be ({mib} MiB): refused, nothing was changed.</source>
        <translation>{path} è più grande di quanto possa esserlo un pacchetto ({mib} MiB): rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>This PC belongs to no centre of several PCs: {path} was not read.</source>
        <translation>Questo PC non fa parte di un centro con più PC: {path} non è stato letto.</translation>
    </message>
    <message>
        <source>{path} is damaged, truncated or not a bundle of the centre: refused, nothing was changed.</source>
        <translation>{path} è danneggiato, troncato o non è un pacchetto del centro: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>{path} was encrypted for another installation, not this one: refused, nothing was changed.</source>
        <translation>{path} è stato cifrato per un&apos;altra installazione, non per questa: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>{path} is addressed to another installation: refused, nothing was changed.</source>
        <translation>{path} è indirizzato a un&apos;altra installazione: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>{path} comes from an installation that is not a member of this centre: refused, nothing was changed.</source>
        <translation>{path} proviene da un&apos;installazione che non fa parte di questo centro: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>{path} comes from {name}, which was removed from the centre: refused, nothing was changed.</source>
        <translation>{path} proviene da {name}, che è stata rimossa dal centro: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>The signature of {path} is not {name}&apos;s: refused, nothing was changed.</source>
        <translation>La firma di {path} non è di {name}: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>The content of {path} does not match its signed envelope: refused, nothing was changed.</source>
        <translation>Il contenuto di {path} non corrisponde alla sua busta firmata: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>{path} holds a kind of content this version does not know: refused, nothing was changed.</source>
        <translation>{path} contiene un tipo di contenuto che questa versione non conosce: rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>{path} is bundle number {seq} from {name}, already received (the last one accepted is number {last}): refused, nothing was changed.</source>
        <translation>{path} è il pacchetto numero {seq} di {name}, già ricevuto (l&apos;ultimo accettato è il numero {last}): rifiutato, nulla è stato modificato.</translation>
    </message>
    <message>
        <source>{path} is bundle number {seq} from {name}, but number {missing} has not been received yet: receive the missing ones first (nothing was changed).</source>
        <translation>{path} è il pacchetto numero {seq} di {name}, ma il numero {missing} non è ancora arrivato: ricevete prima quelli mancanti (nulla è stato modificato).</translation>
    </message>
    <message>
        <source>Only a desk PC sends partial aggregates, only to the main office.</source>
        <translation>Solo un PC di sportello invia aggregati parziali, e solo alla sede.</translation>
    </message>
    <message>
        <source>it is not a partial of this version of Ascolto.</source>
        <translation>non è un aggregato parziale di questa versione di Ascolto.</translation>
    </message>
    <message>
        <source>the table {table} holds a value that is not a whole number from 0 to {high}.</source>
        <translation>la tavola {table} contiene un valore che non è un numero intero da 0 a {high}.</translation>
    </message>
    <message>
        <source>the table {table} does not have the rows and columns of this version of Ascolto.</source>
        <translation>la tavola {table} non ha le righe e le colonne di questa versione di Ascolto.</translation>
    </message>
    <message>
        <source>it holds a table this version of Ascolto does not know ({table}).</source>
        <translation>contiene una tavola che questa versione di Ascolto non conosce ({table}).</translation>
    </message>
    <message>
        <source>the table {table} holds more values than it has positions.</source>
        <translation>la tavola {table} contiene più valori delle sue posizioni.</translation>
    </message>
    <message>
        <source>the table {table} lists a position twice or out of order.</source>
        <translation>la tavola {table} elenca una posizione due volte o fuori ordine.</translation>
    </message>
    <message>
        <source>the table {table} holds a cell key out of range.</source>
        <translation>la tavola {table} contiene una chiave di cella fuori intervallo.</translation>
    </message>
    <message>
        <source>the counts of the table {table} do not add up to its totals.</source>
        <translation>i conteggi della tavola {table} non corrispondono ai suoi totali.</translation>
    </message>
    <message>
        <source>it is for {other}, not {period}.</source>
        <translation>riguarda {other}, non {period}.</translation>
    </message>
    <message>
        <source>it names more than {n} help desks.</source>
        <translation>nomina più di {n} sportelli.</translation>
    </message>
    <message>
        <source>it names a help desk twice or without a name.</source>
        <translation>nomina uno sportello due volte o senza nome.</translation>
    </message>
    <message>
        <source>it does not hold the tables of this version of Ascolto.</source>
        <translation>non contiene le tavole di questa versione di Ascolto.</translation>
    </message>
    <message>
        <source>Partial aggregates are made for a month, a quarter, a semester or a year only.</source>
        <translation>Gli aggregati parziali si fanno solo per un mese, un trimestre, un semestre o un anno.</translation>
    </message>
    <message>
        <source>{period} has not ended yet: its partial aggregates are not due.</source>
        <translation>{period} non è ancora finito: i suoi aggregati parziali non sono dovuti.</translation>
    </message>
    <message>
        <source>The figures of {period} are final: its partial aggregates are no longer sent, received or kept.</source>
        <translation>I dati di {period} sono definitivi: i suoi aggregati parziali non si inviano, ricevono né conservano più.</translation>
    </message>
    <message>
        <source>The partial aggregates of {period} from {source} were refused: {reason}</source>
        <translation>Gli aggregati parziali di {period} da {source} sono stati rifiutati: {reason}</translation>
    </message>
    <message>
        <source>Partial aggregates must name the installation they came from.</source>
        <translation>Gli aggregati parziali devono indicare l&apos;installazione da cui provengono.</translation>
    </message>
    <message>
        <source>it is larger than {size} bytes.</source>
        <translation>supera {size} byte.</translation>
    </message>
    <message>
        <source>The partial aggregates name the help desk {desk}, which this installation does not know: add it (or rename it) under Administration with the same name, then receive them again.</source>
        <translation>Gli aggregati parziali nominano lo sportello {desk}, che questa installazione non conosce: aggiungilo (o rinominalo) in Amministrazione con lo stesso nome, poi ricevili di nuovo.</translation>
    </message>
    <message>
        <source>The figures of a union of help desks cannot be composed from the centre&apos;s installations: choose the whole centre or one help desk.</source>
        <translation>I dati di un&apos;unione di sportelli non si possono comporre dalle installazioni del centro: scegli l&apos;intero centro o un solo sportello.</translation>
    </message>
    <message>
        <source>The figures of {period} are final and the partial aggregates of the centre&apos;s installations were erased: only releases made before can be written again.</source>
        <translation>I dati di {period} sono definitivi e gli aggregati parziali delle installazioni del centro sono stati cancellati: si possono solo riscrivere i rilasci già fatti.</translation>
    </message>
    <message>
        <source>{period} cannot be released yet: {installations} of the centre did not send its figures. Receive them, or an administrator releases the period without them.</source>
        <translation>{period} non si può ancora rilasciare: {installations} del centro non ha inviato i suoi dati. Ricevili, oppure un&apos;amministratrice rilascia il periodo senza.</translation>
    </message>
    <message>
        <source>{path} is open in another program: close the file in the other program, then try again.</source>
        <translation>{path} è aperto in un altro programma: chiudi il file nell&apos;altro programma, poi riprova.</translation>
    </message>
    <message>
        <source>No inbox is set: an administrator sets it on the Outbox page.</source>
        <translation>Nessuna posta in arrivo impostata: la imposta un&apos;amministratrice nella pagina Posta in uscita.</translation>
    </message>
    <message>
        <source>The inbox folder cannot be read: {path}</source>
        <translation>Non si riesce a leggere la cartella della posta in arrivo: {path}</translation>
    </message>
    <message>
        <source>No route is set for {destination}.</source>
        <translation>Nessun percorso impostato per {destination}.</translation>
    </message>
    <message>
        <source>The mail server did not answer (offline, or wrong server or port).</source>
        <translation>Il server di posta non ha risposto (PC non in rete, oppure server o porta sbagliati).</translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate is not valid for its name.</source>
        <translation>Il certificato del server di posta non è valido per il suo nome.</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password.</source>
        <translation>Il server di posta ha rifiutato nome utente o password.</translation>
    </message>
    <message>
        <source>The connection to the mail server broke: try again.</source>
        <translation>La connessione al server di posta si è interrotta: riprova.</translation>
    </message>
    <message>
        <source>The mailbox to read cannot be opened.</source>
        <translation>Non si riesce ad aprire la casella da leggere.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>Impossibile scrivere {path}: {reason}.</translation>
    </message>
    <message>
        <source>This item has no such receipt.</source>
        <translation>Questo invio non ha questa ricevuta.</translation>
    </message>
    <message>
        <source>Unknown destination {destination}: use one of {known}.</source>
        <translation>Destinazione sconosciuta {destination}: usa una tra {known}.</translation>
    </message>
    <message>
        <source>Give the folder as a full path.</source>
        <translation>Indica la cartella con il percorso completo.</translation>
    </message>
    <message>
        <source>{value} is not an e-mail address.</source>
        <translation>{value} non è un indirizzo e-mail.</translation>
    </message>
    <message>
        <source>A route that sends needs the SMTP server and at least one recipient.</source>
        <translation>Un percorso di invio richiede il server SMTP e almeno un destinatario.</translation>
    </message>
    <message>
        <source>The inbox needs the IMAP server to read.</source>
        <translation>La posta in arrivo richiede il server IMAP da leggere.</translation>
    </message>
    <message>
        <source>Security must be tls or starttls.</source>
        <translation>La sicurezza deve essere tls o starttls.</translation>
    </message>
    <message>
        <source>{value} is not a port number.</source>
        <translation>{value} non è un numero di porta.</translation>
    </message>
    <message>
        <source>The certificate must be a PEM file.</source>
        <translation>Il certificato deve essere un file PEM.</translation>
    </message>
    <message>
        <source>Unknown section {name}: choose among {sections}.</source>
        <translation>Sezione sconosciuta {name}: scegli tra {sections}.</translation>
    </message>
    <message>
        <source>Choose at least one section of the summary.</source>
        <translation>Scegli almeno una sezione del riepilogo.</translation>
    </message>
    <message>
        <source>The next review must come after the day the pathway is agreed ({field}).</source>
        <translation>La prossima verifica deve cadere dopo il giorno in cui il percorso è concordato ({field}).</translation>
    </message>
    <message>
        <source>The next review must come after this review ({field}).</source>
        <translation>La prossima verifica deve cadere dopo questa verifica ({field}).</translation>
    </message>
    <message>
        <source>You can see the agenda of your own help desk only.</source>
        <translation>Puoi vedere soltanto l&apos;agenda del tuo sportello.</translation>
    </message>
    <message>
        <source>No such operator.</source>
        <translation>Operatrice inesistente.</translation>
    </message>
    <message>
        <source>This file is {size} MB: a document can be at most {limit} MB. Nothing was added.</source>
        <translation>Questo file è di {size} MB: un documento può essere al massimo di {limit} MB. Non è stato aggiunto nulla.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>Impossibile leggere {path}: {reason}.</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>{path} non è un file.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Il file è vuoto.</translation>
    </message>
    <message>
        <source>Only PDF documents and PNG or JPEG images can be attached; this file is none of them (whatever its name says).</source>
        <translation>Si possono allegare solo documenti PDF e immagini PNG o JPEG; questo file non è nessuno dei tre (qualunque cosa dica il suo nome).</translation>
    </message>
    <message>
        <source>This PDF cannot be opened: it is damaged or protected by a password. Nothing was added.</source>
        <translation>Questo PDF non si può aprire: è danneggiato o protetto da una password. Non è stato aggiunto nulla.</translation>
    </message>
    <message>
        <source>This file is already among her documents, as “{name}”.</source>
        <translation>Questo file è già tra i suoi documenti, come «{name}».</translation>
    </message>
    <message>
        <source>Her documents would take more than {limit} MB ({held} MB already): nothing was added. Remove a document she no longer needs, or attach a smaller scan.</source>
        <translation>I suoi documenti supererebbero {limit} MB (già {held} MB): non è stato aggiunto nulla. Rimuovi un documento che non le serve più, o allega una scansione più leggera.</translation>
    </message>
    <message>
        <source>No such document: it may have been removed.</source>
        <translation>Documento inesistente: forse è stato rimosso.</translation>
    </message>
    <message>
        <source>Only whoever attached a document, or an administrator, can remove it.</source>
        <translation>Solo chi ha allegato un documento, o un&apos;amministratrice, può rimuoverlo.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown: it is damaged or protected by a password.</source>
        <translation>Questo PDF non si può mostrare: è danneggiato o protetto da una password.</translation>
    </message>
</context>
<context>
    <name>FailedAttemptsBanner</name>
    <message>
        <source>If it was not you, change your password now.</source>
        <translation>Se non eri tu, cambia subito la password.</translation>
    </message>
    <message>
        <source>If it was not you, tell your administrator.</source>
        <translation>Se non eri tu, avvisa l’amministratrice.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed login attempt(s) on your account since your last login.</source>
        <translation>
            <numerusform>%n tentativo di accesso fallito sul tuo account dall’ultimo accesso.</numerusform>
            <numerusform>%n tentativi di accesso falliti sul tuo account dall’ultimo accesso.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FastServiceBar</name>
    <message>
        <source>Date of the service</source>
        <translation>Data della prestazione</translation>
    </message>
    <message>
        <source>Service type (type its first letters)</source>
        <translation>Tipo di prestazione (digita le prime lettere)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Record this service (Enter)</source>
        <translation>Registra questa prestazione (Invio)</translation>
    </message>
    <message>
        <source>Quick entry</source>
        <translation>Inserimento rapido</translation>
    </message>
    <message>
        <source>Ctrl+N, type the first letters of the service, Enter. Change date, minutes or role if needed.</source>
        <translation>Ctrl+N, digita le prime lettere della prestazione, Invio. Se serve, cambia data, minuti o ruolo.</translation>
    </message>
    <message>
        <source>Recorded: {type}, {minutes} min</source>
        <translation>Registrata: {type}, {minutes} min</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>access channel</source>
        <translation>canale di accesso</translation>
    </message>
    <message>
        <source>address</source>
        <translation>indirizzo</translation>
    </message>
    <message>
        <source>adherence to the 1522 number</source>
        <translation>adesione al numero 1522</translation>
    </message>
    <message>
        <source>date the pathway was agreed</source>
        <translation>data in cui è stato concordato il percorso</translation>
    </message>
    <message>
        <source>area</source>
        <translation>area dell’obiettivo</translation>
    </message>
    <message>
        <source>beneficiary</source>
        <translation>destinataria della prestazione</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>data di nascita</translation>
    </message>
    <message>
        <source>year of birth</source>
        <translation>anno di nascita</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>centro</translation>
    </message>
    <message>
        <source>number of children</source>
        <translation>numero di figli</translation>
    </message>
    <message>
        <source>closing date</source>
        <translation>data di chiusura</translation>
    </message>
    <message>
        <source>centre code</source>
        <translation>codice del centro</translation>
    </message>
    <message>
        <source>living with</source>
        <translation>convivenza</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consenso</translation>
    </message>
    <message>
        <source>date of consent</source>
        <translation>data del consenso</translation>
    </message>
    <message>
        <source>country of citizenship</source>
        <translation>paese di cittadinanza</translation>
    </message>
    <message>
        <source>date</source>
        <translation>data</translation>
    </message>
    <message>
        <source>opening days</source>
        <translation>giorni di apertura</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descrizione</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>destinazione dell’invio</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>scadenza</translation>
    </message>
    <message>
        <source>education</source>
        <translation>titolo di studio</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>employment</source>
        <translation>condizione professionale</translation>
    </message>
    <message>
        <source>first contact mode</source>
        <translation>modalità del primo contatto</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>children</source>
        <translation>figli</translation>
    </message>
    <message>
        <source>help desk</source>
        <translation>sportello</translation>
    </message>
    <message>
        <source>help sought before the centre</source>
        <translation>aiuto cercato prima del centro</translation>
    </message>
    <message>
        <source>weekly opening hours</source>
        <translation>ore di apertura settimanali</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>lingue</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>cognome</translation>
    </message>
    <message>
        <source>risk level</source>
        <translation>livello di rischio</translation>
    </message>
    <message>
        <source>marital status</source>
        <translation>stato civile</translation>
    </message>
    <message>
        <source>protective measures obtained</source>
        <translation>misure di protezione ottenute</translation>
    </message>
    <message>
        <source>protective measures requested</source>
        <translation>misure di protezione richieste</translation>
    </message>
    <message>
        <source>number of minor children</source>
        <translation>numero di figli minorenni</translation>
    </message>
    <message>
        <source>minors who suffered violence</source>
        <translation>minori che hanno subito violenza</translation>
    </message>
    <message>
        <source>minors who witnessed violence</source>
        <translation>minori che hanno assistito alla violenza</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minuti</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>modalità</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>next review</source>
        <translation>prossima verifica</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>note</translation>
    </message>
    <message>
        <source>privacy notice version</source>
        <translation>versione dell’informativa</translation>
    </message>
    <message>
        <source>opening date</source>
        <translation>data di apertura</translation>
    </message>
    <message>
        <source>operator role</source>
        <translation>figura professionale</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>esito</translation>
    </message>
    <message>
        <source>network service</source>
        <translation>servizio della rete</translation>
    </message>
    <message>
        <source>network services</source>
        <translation>servizi della rete</translation>
    </message>
    <message>
        <source>password</source>
        <translation>password</translation>
    </message>
    <message>
        <source>age of the perpetrator</source>
        <translation>età dell’autore</translation>
    </message>
    <message>
        <source>alcohol</source>
        <translation>alcol</translation>
    </message>
    <message>
        <source>citizenship of the perpetrator</source>
        <translation>cittadinanza dell’autore</translation>
    </message>
    <message>
        <source>drugs</source>
        <translation>droghe</translation>
    </message>
    <message>
        <source>earlier violence against others</source>
        <translation>violenze precedenti su altre persone</translation>
    </message>
    <message>
        <source>sex of the perpetrator</source>
        <translation>sesso dell’autore</translation>
    </message>
    <message>
        <source>weapons</source>
        <translation>armi</translation>
    </message>
    <message>
        <source>number of perpetrators</source>
        <translation>numero di autori</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefono</translation>
    </message>
    <message>
        <source>report to the authorities</source>
        <translation>denuncia</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo del contatto</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>chiave di recupero</translation>
    </message>
    <message>
        <source>relationship with the perpetrator</source>
        <translation>relazione con l’autore della violenza</translation>
    </message>
    <message>
        <source>role</source>
        <translation>ruolo</translation>
    </message>
    <message>
        <source>safe contact channel</source>
        <translation>canale di contatto sicuro</translation>
    </message>
    <message>
        <source>safe contact notes</source>
        <translation>note sul contatto sicuro</translation>
    </message>
    <message>
        <source>safe contact times</source>
        <translation>orari di contatto sicuri</translation>
    </message>
    <message>
        <source>consent scope</source>
        <translation>ambito del consenso</translation>
    </message>
    <message>
        <source>service</source>
        <translation>prestazione</translation>
    </message>
    <message>
        <source>data sharing</source>
        <translation>condivisione dei dati</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personale</translation>
    </message>
    <message>
        <source>stage of the report</source>
        <translation>fase della denuncia</translation>
    </message>
    <message>
        <source>status</source>
        <translation>stato</translation>
    </message>
    <message>
        <source>tax code</source>
        <translation>codice fiscale</translation>
    </message>
    <message>
        <source>assessment tool</source>
        <translation>strumento di valutazione</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nome utente</translation>
    </message>
    <message>
        <source>valid from</source>
        <translation>valido dal</translation>
    </message>
    <message>
        <source>duration of the violence</source>
        <translation>durata della violenza</translation>
    </message>
    <message>
        <source>forms of violence</source>
        <translation>forme di violenza</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder synced to the cloud</source>
        <translation>Cartella sincronizzata nel cloud</translation>
    </message>
    <message>
        <source>This folder is kept in sync by a cloud service ({marker}): a file saved here, with the names it contains, will be copied off this PC. Save it here anyway?</source>
        <translation>Questa cartella è sincronizzata da un servizio cloud ({marker}): un file salvato qui, con i nomi che contiene, verrà copiato fuori da questo PC. Salvarlo qui comunque?</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>New goal — {code}</source>
        <translation>Nuovo obiettivo — {code}</translation>
    </message>
    <message>
        <source>Edit the goal — {code}</source>
        <translation>Modifica l&apos;obiettivo — {code}</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Ambito</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>e.g. find a safe place to live with the children</source>
        <translation>es. trovare un posto sicuro dove vivere con i figli</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Ambito:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrizione:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Stato:</translation>
    </message>
    <message>
        <source>D&amp;ue by:</source>
        <translation>S&amp;cadenza:</translation>
    </message>
</context>
<context>
    <name>GoalHistory</name>
    <message>
        <source>Earlier versions of this goal</source>
        <translation>Versioni precedenti di questo obiettivo</translation>
    </message>
    <message>
        <source>Until {day}</source>
        <translation>Fino al {day}</translation>
    </message>
    <message>
        <source>(changed by {name})</source>
        <translation>(modificato da {name})</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>nessuna scadenza</translation>
    </message>
</context>
<context>
    <name>HelpDesksTab</name>
    <message>
        <source>Help desks</source>
        <translation>Sportelli</translation>
    </message>
    <message>
        <source>&amp;Add help desk…</source>
        <translation>&amp;Aggiungi sportello…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Ri&amp;nomina…</translation>
    </message>
    <message>
        <source>&amp;Close desk</source>
        <translation>C&amp;hiudi sportello</translation>
    </message>
    <message>
        <source>Reopen &amp;desk</source>
        <translation>Ria&amp;pri sportello</translation>
    </message>
    <message>
        <source>{desk} (closed)</source>
        <translation>{desk} (chiuso)</translation>
    </message>
    <message>
        <source>Close the help desk</source>
        <translation>Chiudi lo sportello</translation>
    </message>
    <message>
        <source>Close the help desk {name}? Its cases stay and can be moved to another desk; it takes no new cases or contacts until it is reopened.</source>
        <translation>Chiudere lo sportello {name}? I suoi casi restano e si possono spostare a un altro sportello; non prende nuovi casi né contatti finché non viene riaperto.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Every reading and change of this file is recorded and cannot be altered.</source>
        <translation>Ogni consultazione e modifica di questa scheda viene registrata e non può essere alterata.</translation>
    </message>
    <message>
        <source>operator no. {id}</source>
        <translation>operatrice n. {id}</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <source>First name or nickname</source>
        <translation>Nome o soprannome</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Data di nascita</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>— not agreed —</source>
        <translation>— non concordato —</translation>
    </message>
    <message>
        <source>Safe contact channel</source>
        <translation>Canale di contatto sicuro</translation>
    </message>
    <message>
        <source>Safe contact times</source>
        <translation>Orari di contatto sicuri</translation>
    </message>
    <message>
        <source>e.g. weekdays 9-12, never in the evening</source>
        <translation>es. giorni feriali 9-12, mai la sera</translation>
    </message>
    <message>
        <source>Safe contact notes</source>
        <translation>Note per il contatto sicuro</translation>
    </message>
    <message>
        <source>e.g. say you are calling from the library</source>
        <translation>es. dire che si chiama dalla biblioteca</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>First n&amp;ame or nickname:</source>
        <translation>&amp;Nome o soprannome:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>Cogno&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Data di nascita:</translation>
    </message>
    <message>
        <source>Phon&amp;e:</source>
        <translation>Tele&amp;fono:</translation>
    </message>
    <message>
        <source>Safe contact channel:</source>
        <translation>Canale di contatto sicuro:</translation>
    </message>
    <message>
        <source>Safe contact times:</source>
        <translation>Orari di contatto sicuri:</translation>
    </message>
    <message>
        <source>Safe contact notes:</source>
        <translation>Note per il contatto sicuro:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Who she is</source>
        <translation>Chi è</translation>
    </message>
    <message>
        <source>Kept only in this encrypted file, never exported. A first name or a nickname is enough.</source>
        <translation>Questi dati restano solo in questo file cifrato e non vengono mai esportati. Basta un nome o un soprannome.</translation>
    </message>
    <message>
        <source>She did not agree to be contacted: the case will show “DO NOT CONTACT”.</source>
        <translation>Non ha accettato di essere contattata: il caso mostrerà “NON CONTATTARE”.</translation>
    </message>
    <message>
        <source>Enter at least her first name or last name (a nickname will do).</source>
        <translation>Inserisci almeno il nome o il cognome (va bene anche un soprannome).</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>New case</source>
        <translation>Nuovo caso</translation>
    </message>
    <message>
        <source>Anonymous contact only</source>
        <translation>Solo contatto anonimo</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>Passo {n} di {total}</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Avanti &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Indietro</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fine</translation>
    </message>
    <message>
        <source>Her own help desk</source>
        <translation>Il suo sportello</translation>
    </message>
    <message>
        <source>&amp;Record anonymous contact</source>
        <translation>&amp;Registra contatto anonimo</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>A&amp;pri il caso</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nuovo caso</translation>
    </message>
    <message>
        <source>Stop this intake? Nothing you typed will be kept.</source>
        <translation>Interrompere questa accoglienza? Niente di ciò che hai scritto verrà conservato.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consensi</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>Condivisione con</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Anno di nascita</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Colloquio</translation>
    </message>
    <message>
        <source>Access channel</source>
        <translation>Canale di accesso</translation>
    </message>
    <message>
        <source>Forms of violence</source>
        <translation>Forme di violenza</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relazione</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergenza</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Rischio</translation>
    </message>
    <message>
        <source>not assessed now</source>
        <translation>non valutato ora</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>New interview — {code}</source>
        <translation>Nuovo colloquio — {code}</translation>
    </message>
</context>
<context>
    <name>InterviewForm</name>
    <message>
        <source>Date of the interview</source>
        <translation>Data del colloquio</translation>
    </message>
    <message>
        <source>Forms of violence</source>
        <translation>Forme di violenza</translation>
    </message>
    <message>
        <source>— not stated —</source>
        <translation>— non indicato —</translation>
    </message>
    <message>
        <source>Relationship with the perpetrator</source>
        <translation>Relazione con l’autore</translation>
    </message>
    <message>
        <source>Duration of the violence</source>
        <translation>Durata della violenza</translation>
    </message>
    <message>
        <source>Report to the authorities</source>
        <translation>Denuncia alle autorità</translation>
    </message>
    <message>
        <source>Protective measures requested</source>
        <translation>Misure di protezione richieste</translation>
    </message>
    <message>
        <source>Protective measures obtained</source>
        <translation>Misure di protezione ottenute</translation>
    </message>
    <message>
        <source>Help sought before the centre</source>
        <translation>Aiuto cercato prima del centro</translation>
    </message>
    <message>
        <source>Number of perpetrators</source>
        <translation>Numero di autori</translation>
    </message>
    <message>
        <source>Sex of the main perpetrator</source>
        <translation>Sesso dell’autore principale</translation>
    </message>
    <message>
        <source>Age of the main perpetrator</source>
        <translation>Età dell’autore principale</translation>
    </message>
    <message>
        <source>Citizenship of the main perpetrator</source>
        <translation>Cittadinanza dell’autore principale</translation>
    </message>
    <message>
        <source>Weapons used</source>
        <translation>Uso di armi</translation>
    </message>
    <message>
        <source>Alcohol abuse</source>
        <translation>Abuso di alcol</translation>
    </message>
    <message>
        <source>Drug use</source>
        <translation>Uso di droghe</translation>
    </message>
    <message>
        <source>Earlier violence against other people</source>
        <translation>Violenze precedenti su altre persone</translation>
    </message>
    <message>
        <source>E&amp;mergency: she needs protection now</source>
        <translation>&amp;Emergenza: ha bisogno di protezione subito</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergenza</translation>
    </message>
    <message>
        <source>Notes of the interview</source>
        <translation>Note del colloquio</translation>
    </message>
    <message>
        <source>Forms of violence:</source>
        <translation>Forme di violenza:</translation>
    </message>
    <message>
        <source>&amp;Relationship with the perpetrator:</source>
        <translation>&amp;Relazione con l’autore:</translation>
    </message>
    <message>
        <source>D&amp;uration of the violence:</source>
        <translation>D&amp;urata della violenza:</translation>
    </message>
    <message>
        <source>Re&amp;port to the authorities:</source>
        <translation>De&amp;nuncia alle autorità:</translation>
    </message>
    <message>
        <source>Protective measures requested:</source>
        <translation>Misure di protezione richieste:</translation>
    </message>
    <message>
        <source>Protective measures obtained:</source>
        <translation>Misure di protezione ottenute:</translation>
    </message>
    <message>
        <source>Help sought before the centre:</source>
        <translation>Aiuto cercato prima del centro:</translation>
    </message>
    <message>
        <source>Number of perpetrators:</source>
        <translation>Numero di autori:</translation>
    </message>
    <message>
        <source>Main perpetrator, sex:</source>
        <translation>Autore principale, sesso:</translation>
    </message>
    <message>
        <source>Main perpetrator, age:</source>
        <translation>Autore principale, età:</translation>
    </message>
    <message>
        <source>Main perpetrator, citizenship:</source>
        <translation>Autore principale, cittadinanza:</translation>
    </message>
    <message>
        <source>Weapons used:</source>
        <translation>Uso di armi:</translation>
    </message>
    <message>
        <source>Alcohol abuse:</source>
        <translation>Abuso di alcol:</translation>
    </message>
    <message>
        <source>Drug use:</source>
        <translation>Uso di droghe:</translation>
    </message>
    <message>
        <source>Earlier violence against others:</source>
        <translation>Violenze precedenti su altre persone:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;ote:</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <source>First interview</source>
        <translation>Primo colloquio</translation>
    </message>
    <message>
        <source>The intake interview (colloquio di accoglienza): how she arrived and what she lives through.</source>
        <translation>Il colloquio di accoglienza: come è arrivata al centro e che cosa sta vivendo.</translation>
    </message>
    <message>
        <source>Choose how she reached the centre (or “Not available”).</source>
        <translation>Scegli come è arrivata al centro (oppure “Non disponibile”).</translation>
    </message>
    <message>
        <source>Choose how she made the first contact.</source>
        <translation>Scegli come ha preso il primo contatto.</translation>
    </message>
</context>
<context>
    <name>InterviewsTab</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Access channel</source>
        <translation>Canale di accesso</translation>
    </message>
    <message>
        <source>Forms of violence</source>
        <translation>Forme di violenza</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relazione con l’autore</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergenza</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>Colloqui</translation>
    </message>
    <message>
        <source>&amp;Add interview…</source>
        <translation>&amp;Aggiungi colloquio…</translation>
    </message>
    <message>
        <source>Report to the a&amp;uthorities…</source>
        <translation>Denuncia all’a&amp;utorità…</translation>
    </message>
    <message>
        <source>Record a step of her report: filed, withdrawn, dismissed, trial, verdict</source>
        <translation>Registra una fase della sua denuncia: presentata, ritirata, archiviata, processo, sentenza</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>{date}: {stage}</source>
        <translation>{date}: {stage}</translation>
    </message>
    <message>
        <source>Report to the authorities: {steps}</source>
        <translation>Denuncia all’autorità: {steps}</translation>
    </message>
    <message>
        <source>Report to the authorities: no step recorded.</source>
        <translation>Denuncia all’autorità: nessuna fase registrata.</translation>
    </message>
    <message>
        <source>First contact mode: {v}</source>
        <translation>Modalità del primo contatto: {v}</translation>
    </message>
    <message>
        <source>Duration of the violence: {v}</source>
        <translation>Durata della violenza: {v}</translation>
    </message>
    <message>
        <source>Report to the authorities: {v}</source>
        <translation>Denuncia alle autorità: {v}</translation>
    </message>
    <message>
        <source>Complaint withdrawn: {v}</source>
        <translation>Denuncia ritirata: {v}</translation>
    </message>
    <message>
        <source>Protective measures requested: {v}</source>
        <translation>Misure di protezione richieste: {v}</translation>
    </message>
    <message>
        <source>Protective measures obtained: {v}</source>
        <translation>Misure di protezione ottenute: {v}</translation>
    </message>
    <message>
        <source>Help sought before the centre: {v}</source>
        <translation>Aiuto cercato prima del centro: {v}</translation>
    </message>
    <message>
        <source>Main perpetrator: {sex}, {age}, {citizenship}; perpetrators: {count}</source>
        <translation>Autore principale: {sex}, {age}, {citizenship}; autori: {count}</translation>
    </message>
    <message>
        <source>Weapons: {w} · alcohol: {a} · drugs: {d} · earlier violence against others: {o}</source>
        <translation>Armi: {w} · alcol: {a} · droghe: {d} · violenze precedenti su altre persone: {o}</translation>
    </message>
    <message>
        <source>Notes: {v}</source>
        <translation>Note: {v}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>Sezioni</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Oggi</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>The week&apos;s appointments, reviews and deadlines (Ctrl+Shift+A)</source>
        <translation>Appuntamenti, verifiche e scadenze della settimana (Ctrl+Maiusc+A)</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casi</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Primo contatto</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Rete</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Posta in uscita</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Amministrazione</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) found by the data-quality check.</source>
        <translation>
            <numerusform>%n caso trovato dal controllo della qualità dei dati.</numerusform>
            <numerusform>%n casi trovati dal controllo della qualità dei dati.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) due today</source>
        <translation>
            <numerusform>%n cosa da fare oggi</numerusform>
            <numerusform>%n cose da fare oggi</numerusform>
        </translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra degli strumenti</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Cambia &amp;password…</translation>
    </message>
    <message>
        <source>User menu</source>
        <translation>Menu utente</translation>
    </message>
    <message>
        <source>all help desks</source>
        <translation>tutti gli sportelli</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Ascolto</source>
        <translation>Ascolto</translation>
    </message>
</context>
<context>
    <name>MoveAppointmentDialog</name>
    <message>
        <source>Move the appointment — {code}</source>
        <translation>Sposta l&apos;appuntamento — {code}</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>Network</source>
        <translation>Rete</translation>
    </message>
    <message>
        <source>Import the signed packages that help desks and centres sent you, check who signed them, then print the network report. Values hidden in any package stay protected.</source>
        <translation>Importa i pacchetti firmati che ti hanno inviato sportelli e centri, verifica chi li ha firmati, poi stampa il report della rete. I valori oscurati in un pacchetto restano protetti.</translation>
    </message>
    <message>
        <source>&amp;Import packages…</source>
        <translation>&amp;Importa pacchetti…</translation>
    </message>
    <message>
        <source>&amp;Check and trust the key…</source>
        <translation>&amp;Verifica e accetta la chiave…</translation>
    </message>
    <message>
        <source>Re&amp;move from the list</source>
        <translation>&amp;Rimuovi dall’elenco</translation>
    </message>
    <message>
        <source>&amp;Save the network report as PDF…</source>
        <translation>&amp;Salva il report della rete in PDF…</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Help desks</source>
        <translation>Sportelli</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Impronta della chiave</translation>
    </message>
    <message>
        <source>Key trusted</source>
        <translation>Chiave attendibile</translation>
    </message>
    <message>
        <source>Imported packages</source>
        <translation>Pacchetti importati</translation>
    </message>
    <message>
        <source>Trusted signing keys</source>
        <translation>Chiavi di firma attendibili</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>Confermata il</translation>
    </message>
    <message>
        <source>Trusted keys</source>
        <translation>Chiavi attendibili</translation>
    </message>
    <message>
        <source>This centre&apos;s own fingerprint: {fingerprint}</source>
        <translation>Impronta di questo centro: {fingerprint}</translation>
    </message>
    <message>
        <source>The key of {centre} changed on {day}; the new key ({new}) was signed by the previous one ({old}), which is no longer accepted.</source>
        <translation>La chiave del centro {centre} è cambiata il {day}; la nuova chiave ({new}) è firmata dalla chiave precedente ({old}), che non è più accettata.</translation>
    </message>
    <message>
        <source>Import signed packages</source>
        <translation>Importa pacchetti firmati</translation>
    </message>
    <message>
        <source>Signed packages (*.json)</source>
        <translation>Pacchetti firmati (*.json)</translation>
    </message>
    <message>
        <source>Checking the signatures…</source>
        <translation>Verifica delle firme…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tutti</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no — the key is trusted for {centre}</source>
        <translation>no — la chiave è affidabile per {centre}</translation>
    </message>
    <message>
        <source>no — check it</source>
        <translation>no — da verificare</translation>
    </message>
    <message>
        <source>Save the network report</source>
        <translation>Salva il report della rete</translation>
    </message>
    <message>
        <source>network-report.pdf</source>
        <translation>report-della-rete.pdf</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Merging the packages and writing the PDF…</source>
        <translation>Unione dei pacchetti e creazione del PDF…</translation>
    </message>
    <message>
        <source>Network report saved: {path} ({hidden} values below the threshold or not published).</source>
        <translation>Report della rete salvato: {path} ({hidden} valori sotto la soglia o non pubblicati).</translation>
    </message>
</context>
<context>
    <name>NextReview</name>
    <message>
        <source>{day} (overdue)</source>
        <translation>{day} (in ritardo)</translation>
    </message>
</context>
<context>
    <name>NextReviewFields</name>
    <message>
        <source>Next review</source>
        <translation>Prossima verifica</translation>
    </message>
    <message>
        <source>Offered {weeks} weeks on: her latest risk assessment is high. Change it if you agreed another day.</source>
        <translation>Proposta fra {weeks} settimane: la sua ultima valutazione del rischio è elevata. Cambiala se avete concordato un altro giorno.</translation>
    </message>
    <message>
        <source>Offered {months} months on, as the centre reviews pathways. Change it if you agreed another day.</source>
        <translation>Proposta fra {months} mesi, come il centro verifica i percorsi. Cambiala se avete concordato un altro giorno.</translation>
    </message>
</context>
<context>
    <name>NoteList</name>
    <message>
        <source>Interview notes</source>
        <translation>Note del colloquio</translation>
    </message>
    <message>
        <source>Risk assessment notes</source>
        <translation>Note della valutazione del rischio</translation>
    </message>
    <message>
        <source>Pathway notes</source>
        <translation>Note del percorso</translation>
    </message>
    <message>
        <source>Pathway goal</source>
        <translation>Obiettivo del percorso</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>Note della verifica</translation>
    </message>
    <message>
        <source>Service notes</source>
        <translation>Note del servizio</translation>
    </message>
    <message>
        <source>Referral notes</source>
        <translation>Note dell&apos;invio</translation>
    </message>
    <message>
        <source>Profile notes</source>
        <translation>Note dell&apos;anagrafica</translation>
    </message>
    <message>
        <source>Safe contact notes</source>
        <translation>Note per il contatto sicuro</translation>
    </message>
    <message numerus="yes">
        <source>%n of her notes match</source>
        <translation>
            <numerusform>Sue note che contengono le parole: %n</numerusform>
            <numerusform>Sue note che contengono le parole: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Trovate in</translation>
    </message>
    <message>
        <source>Words found</source>
        <translation>Parole trovate</translation>
    </message>
</context>
<context>
    <name>NoteResults</name>
    <message>
        <source>Cases whose notes hold the words</source>
        <translation>Casi le cui note contengono le parole</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Please wait…</source>
        <translation>Attendere…</translation>
    </message>
    <message>
        <source>Ascolto</source>
        <translation>Ascolto</translation>
    </message>
</context>
<context>
    <name>OperatorsTab</name>
    <message>
        <source>Operators</source>
        <translation>Operatrici</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attiva</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Ultimo accesso</translation>
    </message>
    <message>
        <source>&amp;Add operator…</source>
        <translation>&amp;Aggiungi operatrice…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Reimposta &amp;password…</translation>
    </message>
    <message>
        <source>Re&amp;voke access…</source>
        <translation>Revoca acc&amp;esso…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tutti</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocata</translation>
    </message>
    <message>
        <source>Revoke access</source>
        <translation>Revoca accesso</translation>
    </message>
    <message>
        <source>Revoke the access of {name} ({username})?</source>
        <translation>Revocare l’accesso di {name} ({username})?</translation>
    </message>
    <message>
        <source>Her password will stop working at once. The data key of the database is then replaced (everything is re-encrypted), so a copy of the old key opens nothing new. This can take a little while; other operators keep their passwords.</source>
        <translation>La sua password smetterà subito di funzionare. Poi la chiave dei dati dell’archivio viene sostituita (tutto viene cifrato di nuovo), così una copia della vecchia chiave non apre nulla di nuovo. Può richiedere un po’ di tempo; le altre operatrici mantengono le loro password.</translation>
    </message>
    <message>
        <source>Backup files made before today still open with her old password: they are not re-encrypted. Make a new backup after revoking, and destroy the older backup files or keep them locked away. Copies kept inside the data folder by restores and upgrades are re-encrypted or deleted.</source>
        <translation>I file di backup fatti prima di oggi si aprono ancora con la sua vecchia password: non vengono cifrati di nuovo. Dopo la revoca fai un nuovo backup e distruggi i file di backup precedenti, o tienili sotto chiave. Le copie conservate nella cartella dei dati da ripristini e aggiornamenti vengono cifrate di nuovo o eliminate.</translation>
    </message>
    <message>
        <source>Revoking access and replacing the data key…</source>
        <translation>Revoca dell’accesso e sostituzione della chiave dei dati…</translation>
    </message>
    <message>
        <source>Copies kept by restores and upgrades in the backups folder under the old key: {reencrypted} re-encrypted under the new key, {deleted} deleted (no active account could open them).</source>
        <translation>Copie conservate da ripristini e aggiornamenti nella cartella dei backup con la vecchia chiave: {reencrypted} cifrate di nuovo con la nuova chiave, {deleted} eliminate (nessun account attivo poteva aprirle).</translation>
    </message>
    <message>
        <source>Access revoked</source>
        <translation>Accesso revocato</translation>
    </message>
    <message>
        <source>Access revoked. Make a new recovery key now?</source>
        <translation>Accesso revocato. Creare ora una nuova chiave di recupero?</translation>
    </message>
    <message>
        <source>The data key and the centre&apos;s signing key were replaced; network coordinators follow the new signing key with the next package. The printed recovery key still opens the database: if she may have seen it, make a new one now and destroy the old printout.</source>
        <translation>La chiave dei dati e la chiave di firma del centro sono state sostituite; i coordinamenti di rete seguono la nuova chiave di firma con il prossimo pacchetto. La chiave di recupero stampata apre ancora il database: se lei può averla vista, creane una nuova ora e distruggi la vecchia stampa.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>waiting</source>
        <translation>in attesa</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>in invio</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>inviato</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>consegnato</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non riuscito</translation>
    </message>
    <message>
        <source>The server did not answer (offline, or wrong server or port).</source>
        <translation>Il server non ha risposto (PC non in rete, oppure server o porta sbagliati).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not valid for its name.</source>
        <translation>Il certificato del server non è valido per il suo nome.</translation>
    </message>
    <message>
        <source>The server refused the user name or password.</source>
        <translation>Il server ha rifiutato nome utente o password.</translation>
    </message>
    <message>
        <source>The server refused the message or a recipient.</source>
        <translation>Il server ha rifiutato il messaggio o un destinatario.</translation>
    </message>
    <message>
        <source>The connection broke while sending; it will be sent again.</source>
        <translation>La connessione si è interrotta durante l&apos;invio; sarà inviato di nuovo.</translation>
    </message>
    <message>
        <source>The folder cannot be written (is the stick or share connected?).</source>
        <translation>Non si riesce a scrivere nella cartella (la chiavetta o la cartella condivisa è collegata?).</translation>
    </message>
    <message>
        <source>The mailbox to read cannot be opened.</source>
        <translation>Non si riesce ad aprire la casella da leggere.</translation>
    </message>
    <message>
        <source>No route is set for this destination.</source>
        <translation>Nessun percorso impostato per questa destinazione.</translation>
    </message>
    <message>
        <source>The certified e-mail provider did not deliver it.</source>
        <translation>Il gestore di posta certificata non l&apos;ha consegnato.</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Outbox</source>
        <translation>Posta in uscita</translation>
    </message>
    <message>
        <source>Releases for the network and bundles for the main office wait here until they are delivered. Failed items are tried again by themselves; Send now tries everything at once.</source>
        <translation>I rilasci per la rete e i pacchetti per la sede attendono qui finché non sono consegnati. Gli invii non riusciti vengono ritentati da soli; Invia ora ritenta tutto subito.</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Invia &amp;ora</translation>
    </message>
    <message>
        <source>Save the &amp;receipt…</source>
        <translation>Salva la &amp;ricevuta…</translation>
    </message>
    <message>
        <source>Check the &amp;inbox</source>
        <translation>Controlla la posta in &amp;arrivo</translation>
    </message>
    <message>
        <source>Set a ro&amp;ute…</source>
        <translation>Imposta un &amp;percorso…</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Dal</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Perché</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ricevuto</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posta in arrivo</translation>
    </message>
    <message>
        <source>No route is set: releases are carried by hand, as files.</source>
        <translation>Nessun percorso impostato: i rilasci si portano a mano, come file.</translation>
    </message>
    <message>
        <source>network</source>
        <translation>rete</translation>
    </message>
    <message>
        <source>main office</source>
        <translation>sede</translation>
    </message>
    <message>
        <source>inbox</source>
        <translation>posta in arrivo</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accettato</translation>
    </message>
    <message>
        <source>key to check</source>
        <translation>chiave da verificare</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rifiutato</translation>
    </message>
    <message>
        <source>to receive</source>
        <translation>da ricevere</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Invio in corso…</translation>
    </message>
    <message>
        <source>Sent: %1; failed: %2; still waiting: %3; delivery receipts: %4.</source>
        <translation>Inviati: %1; non riusciti: %2; ancora in attesa: %3; ricevute di consegna: %4.</translation>
    </message>
    <message numerus="yes">
        <source>New attachments: %n.</source>
        <translation>
            <numerusform>Nuovi allegati: %n.</numerusform>
            <numerusform>Nuovi allegati: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the inbox…</source>
        <translation>Lettura della posta in arrivo…</translation>
    </message>
    <message>
        <source>Choose an item with a delivery receipt first.</source>
        <translation>Scegli prima un invio con una ricevuta di consegna.</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Salva la ricevuta</translation>
    </message>
    <message>
        <source>E-mail (*.eml)</source>
        <translation>E-mail (*.eml)</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Outcome of the referral</source>
        <translation>Esito dell’invio</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Date of the outcome</source>
        <translation>Data dell’esito</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>&amp;Esito:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Too short: {count} of at least {minimum} characters</source>
        <translation>Troppo corta: {count} caratteri su almeno {minimum}</translation>
    </message>
    <message>
        <source>Acceptable: a few more words make it stronger</source>
        <translation>Accettabile: qualche parola in più la rende più robusta</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Robusta</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nuova password</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Ripeti la password</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>M&amp;ostra</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Mostra la password</translation>
    </message>
    <message>
        <source>Show or hide the password (Alt+O)</source>
        <translation>Mostra o nasconde la password (Alt+O)</translation>
    </message>
    <message>
        <source>Su&amp;ggest a passphrase</source>
        <translation>Su&amp;ggerisci una frase segreta</translation>
    </message>
    <message>
        <source>Fill both fields with random words, shown (Alt+G)</source>
        <translation>Riempie i due campi con parole casuali, visibili (Alt+G)</translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation>Ripe&amp;ti:</translation>
    </message>
    <message>
        <source>Suggest a passphrase of random words</source>
        <translation>Suggerisci una frase segreta di parole casuali</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Robustezza della password</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Nuova &amp;password:</translation>
    </message>
    <message>
        <source>The password needs at least {minimum} characters.</source>
        <translation>La password deve avere almeno {minimum} caratteri.</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>Le due password sono diverse.</translation>
    </message>
    <message>
        <source>{verdict} · the two passwords are different</source>
        <translation>{verdict} · le due password sono diverse</translation>
    </message>
</context>
<context>
    <name>PathwayTab</name>
    <message>
        <source>&amp;Agree the pathway…</source>
        <translation>Concor&amp;da il percorso…</translation>
    </message>
    <message>
        <source>Add &amp;goal…</source>
        <translation>Aggiungi obi&amp;ettivo…</translation>
    </message>
    <message>
        <source>&amp;Edit the goal…</source>
        <translation>&amp;Modifica l&apos;obiettivo…</translation>
    </message>
    <message>
        <source>Rewrite the selected goal; what it said before is kept</source>
        <translation>Riscrivi l&apos;obiettivo selezionato; la versione precedente resta conservata</translation>
    </message>
    <message>
        <source>Add revie&amp;w…</source>
        <translation>Aggiungi &amp;verifica…</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Obiettivi</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Ambito</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>Note della verifica</translation>
    </message>
    <message>
        <source>Next planned</source>
        <translation>Prossima prevista</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Verifiche</translation>
    </message>
    <message>
        <source>No pathway agreed yet. When she agrees a personalised pathway with you, record it here: the case is then “taken in charge” and you can set goals.</source>
        <translation>Nessun percorso ancora concordato. Quando la donna concorda con te un percorso personalizzato, registralo qui: il caso risulta così “preso in carico” e puoi definire gli obiettivi.</translation>
    </message>
    <message>
        <source>Agreed on {day}.</source>
        <translation>Concordato il {day}.</translation>
    </message>
    <message>
        <source>Next review: {day}.</source>
        <translation>Prossima verifica: {day}.</translation>
    </message>
    <message>
        <source>Closed on {day}: {outcome}.</source>
        <translation>Chiuso il {day}: {outcome}.</translation>
    </message>
    <message>
        <source>(edited {n}×)</source>
        <translation>(versioni precedenti: {n})</translation>
    </message>
    <message>
        <source>Status of goal {n}</source>
        <translation>Stato dell’obiettivo {n}</translation>
    </message>
    <message>
        <source>Goal updated</source>
        <translation>Obiettivo aggiornato</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Kind of period</source>
        <translation>Tipo di periodo</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Anno</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>Semestre</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mese</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Intervallo personalizzato</translation>
    </message>
    <message>
        <source>Part of the year</source>
        <translation>Parte dell’anno</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dal</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Al</translation>
    </message>
    <message>
        <source>to</source>
        <translation>al</translation>
    </message>
    <message>
        <source>1st semester</source>
        <translation>1° semestre</translation>
    </message>
    <message>
        <source>2nd semester</source>
        <translation>2° semestre</translation>
    </message>
    <message>
        <source>Q1 (Jan–Mar)</source>
        <translation>1° trimestre (gen–mar)</translation>
    </message>
    <message>
        <source>Q2 (Apr–Jun)</source>
        <translation>2° trimestre (apr–giu)</translation>
    </message>
    <message>
        <source>Q3 (Jul–Sep)</source>
        <translation>3° trimestre (lug–set)</translation>
    </message>
    <message>
        <source>Q4 (Oct–Dec)</source>
        <translation>4° trimestre (ott–dic)</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>A year has semesters 1 and 2, not {n}.</source>
        <translation>Un anno ha i semestri 1 e 2, non {n}.</translation>
    </message>
    <message>
        <source>A year has quarters 1 to 4, not {n}.</source>
        <translation>Un anno ha i trimestri da 1 a 4, non {n}.</translation>
    </message>
    <message>
        <source>Months run from 01 to 12, not {month}.</source>
        <translation>I mesi vanno da 01 a 12, non {month}.</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}).</source>
        <translation>Il periodo termina ({end}) prima di iniziare ({start}).</translation>
    </message>
    <message>
        <source>Year 0000 does not exist.</source>
        <translation>L’anno 0000 non esiste.</translation>
    </message>
    <message>
        <source>No period given: write one of {formats}.</source>
        <translation>Nessun periodo indicato: scrivi uno fra {formats}.</translation>
    </message>
    <message>
        <source>«{text}» is not a period: write one of {formats}.</source>
        <translation>«{text}» non è un periodo: scrivi uno fra {formats}.</translation>
    </message>
    <message>
        <source>Not a real calendar date.</source>
        <translation>Non è una data esistente del calendario.</translation>
    </message>
</context>
<context>
    <name>PoliceStepDialog</name>
    <message>
        <source>Report to the authorities — {code}</source>
        <translation>Denuncia all’autorità — {code}</translation>
    </message>
    <message>
        <source>Stage of the report</source>
        <translation>Fase della denuncia</translation>
    </message>
    <message>
        <source>Date of the step</source>
        <translation>Data della fase</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>&amp;Fase:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>A report filed before she came to the centre is recorded with its own date; court news can be added after her pathway has closed.</source>
        <translation>Una denuncia presentata prima di arrivare al centro si registra con la sua data; le notizie dal tribunale si possono aggiungere anche dopo la chiusura del percorso.</translation>
    </message>
</context>
<context>
    <name>ProfileExportDialog</name>
    <message>
        <source>Export for ISTAT, the Region or a funder</source>
        <translation>Esporta per ISTAT, Regione o finanziatore</translation>
    </message>
    <message>
        <source>Export profile</source>
        <translation>Profilo di esportazione</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Formato del file</translation>
    </message>
    <message>
        <source>one row per value, for statistical software</source>
        <translation>una riga per valore, per i programmi di statistica</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profilo:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>Qualità dei dati</translation>
    </message>
    <message>
        <source>Before the release, check the share of answers not available for each variable of the profile, and the cases with impossible or suspicious combinations.</source>
        <translation>Prima del rilascio, controlla la quota di risposte non disponibili per ogni variabile del profilo e i casi con combinazioni impossibili o sospette.</translation>
    </message>
    <message>
        <source>&amp;Check data quality</source>
        <translation>&amp;Controlla la qualità dei dati</translation>
    </message>
    <message>
        <source>Answers not available, by variable</source>
        <translation>Risposte non disponibili, per variabile</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variabile</translation>
    </message>
    <message>
        <source>Not available or missing</source>
        <translation>Non disponibile o mancante</translation>
    </message>
    <message>
        <source>&amp;Open these cases</source>
        <translation>&amp;Apri questi casi</translation>
    </message>
    <message>
        <source>I have seen the data-quality check: &amp;release anyway</source>
        <translation>Ho visto il controllo della qualità dei dati: &amp;rilascia comunque</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;sporta…</translation>
    </message>
    <message>
        <source>Checking what this period already has…</source>
        <translation>Verifica di ciò che è già stato diffuso per questo periodo…</translation>
    </message>
    <message>
        <source>Checking the data…</source>
        <translation>Controllo dei dati…</translation>
    </message>
    <message>
        <source>under {percent}%</source>
        <translation>meno del {percent}%</translation>
    </message>
    <message>
        <source>No impossible or suspicious combination found.</source>
        <translation>Nessuna combinazione impossibile o sospetta.</translation>
    </message>
    <message numerus="yes">
        <source>{check}: %n case(s): {codes}</source>
        <translation>
            <numerusform>{check}: %n caso: {codes}</numerusform>
            <numerusform>{check}: %n casi: {codes}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the profile</source>
        <translation>Esporta il profilo</translation>
    </message>
    <message>
        <source>Writing the export…</source>
        <translation>Scrittura dell’esportazione…</translation>
    </message>
    <message>
        <source>Saved: {path}
Preview of exactly the same values: {preview}</source>
        <translation>Salvato: {path}
Anteprima degli stessi identici valori: {preview}</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Year of birth</source>
        <translation>Anno di nascita</translation>
    </message>
    <message>
        <source>type to search…</source>
        <translation>scrivi per cercare…</translation>
    </message>
    <message>
        <source>Country of citizenship</source>
        <translation>Paese di cittadinanza</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Titolo di studio</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Condizione professionale</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Stato civile</translation>
    </message>
    <message>
        <source>Living with</source>
        <translation>Convive con</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Figli</translation>
    </message>
    <message>
        <source>Number of children</source>
        <translation>Numero di figli</translation>
    </message>
    <message>
        <source>Of whom minors</source>
        <translation>Di cui minori</translation>
    </message>
    <message>
        <source>Minors who witnessed violence</source>
        <translation>Minori che hanno assistito alla violenza</translation>
    </message>
    <message>
        <source>Minors who suffered violence</source>
        <translation>Minori che hanno subito violenza</translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation>In gravidanza</translation>
    </message>
    <message>
        <source>Pregnant (grey: not known)</source>
        <translation>In gravidanza (grigio: non noto)</translation>
    </message>
    <message>
        <source>Year of birth:</source>
        <translation>Anno di nascita:</translation>
    </message>
    <message>
        <source>Country of citizenship:</source>
        <translation>Paese di cittadinanza:</translation>
    </message>
    <message>
        <source>Ed&amp;ucation:</source>
        <translation>Titolo di st&amp;udio:</translation>
    </message>
    <message>
        <source>Employment:</source>
        <translation>Condizione professionale:</translation>
    </message>
    <message>
        <source>&amp;Marital status:</source>
        <translation>Stato ci&amp;vile:</translation>
    </message>
    <message>
        <source>Living with:</source>
        <translation>Convive con:</translation>
    </message>
    <message>
        <source>Children:</source>
        <translation>Figli:</translation>
    </message>
    <message>
        <source>Number of children:</source>
        <translation>Numero di figli:</translation>
    </message>
    <message>
        <source>Of whom minors:</source>
        <translation>Di cui minori:</translation>
    </message>
    <message>
        <source>Minors who witnessed violence:</source>
        <translation>Minori che hanno assistito alla violenza:</translation>
    </message>
    <message>
        <source>Minors who suffered violence:</source>
        <translation>Minori che hanno subito violenza:</translation>
    </message>
    <message>
        <source>Leave &apos;—&apos; where she did not say: it is counted as not available.</source>
        <translation>Lascia “—” dove non te l’ha detto: viene conteggiato come non disponibile.</translation>
    </message>
    <message>
        <source>There cannot be more minor children than children.</source>
        <translation>I figli minori non possono essere più del numero di figli.</translation>
    </message>
    <message>
        <source>This number cannot exceed the number of minor children.</source>
        <translation>Questo numero non può superare quello dei figli minori.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Profile</source>
        <translation>Profilo</translation>
    </message>
    <message>
        <source>Anonymous data for the statistics. Fill in what she tells you; the rest stays “not available”.</source>
        <translation>Dati anonimi per le statistiche. Compila ciò che ti racconta; il resto rimane “non disponibile”.</translation>
    </message>
    <message>
        <source>Choose a country from the list (type a few letters of its name).</source>
        <translation>Scegli un paese dall’elenco (scrivi qualche lettera del nome).</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Her identity was erased: only the anonymous profile is kept. To enter who she is again, first record her new consent to processing.</source>
        <translation>La sua identità è stata cancellata: resta solo il profilo anonimo. Per inserire di nuovo chi è, registra prima il suo nuovo consenso al trattamento.</translation>
    </message>
    <message>
        <source>Identity (kept only here, erasable)</source>
        <translation>Identità (conservata solo qui, cancellabile)</translation>
    </message>
    <message>
        <source>Profile (anonymous, used for statistics)</source>
        <translation>Profilo (anonimo, usato per le statistiche)</translation>
    </message>
    <message>
        <source>Save chan&amp;ges</source>
        <translation>S&amp;alva le modifiche</translation>
    </message>
    <message>
        <source>Save identity and profile (Ctrl+S)</source>
        <translation>Salva identità e profilo (Ctrl+S)</translation>
    </message>
    <message>
        <source>Changes saved</source>
        <translation>Modifiche salvate</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Cerca in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Tipo di file:</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>Closure dated before the opening</source>
        <translation>Chiusura con data precedente all’apertura</translation>
    </message>
    <message>
        <source>Under 18 with three or more children</source>
        <translation>Minore di 18 anni con tre o più figli</translation>
    </message>
    <message>
        <source>Services dated after the closure</source>
        <translation>Prestazioni con data successiva alla chiusura</translation>
    </message>
    <message>
        <source>Intake with no form of violence</source>
        <translation>Colloquio di accoglienza senza forme di violenza</translation>
    </message>
</context>
<context>
    <name>QuickContactPage</name>
    <message>
        <source>Quick contact</source>
        <translation>Primo contatto</translation>
    </message>
    <message>
        <source>For a call or a visit that does not (yet) become a case. Only an anonymous count is stored: date, help desk, how she reached the centre, how she made contact, and why. No name, no phone number, no notes.</source>
        <translation>Per una telefonata o una visita che non diventa (ancora) un caso. Si registra solo un conteggio anonimo: data, sportello, come è arrivata al centro, come ha preso contatto e per quale motivo. Nessun nome, nessun numero di telefono, nessuna nota.</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>&amp;Record contact</source>
        <translation>&amp;Registra contatto</translation>
    </message>
    <message>
        <source>Record this contact (Ctrl+Enter)</source>
        <translation>Registra questo contatto (Ctrl+Invio)</translation>
    </message>
    <message>
        <source>&amp;Help desk:</source>
        <translation>&amp;Sportello:</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>M&amp;otivo:</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Contact recorded. Nothing identifying was stored.</source>
        <translation>Contatto registrato. Non è stato salvato nulla che possa identificarla.</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Use the recovery key</source>
        <translation>Usa la chiave di recupero</translation>
    </message>
    <message>
        <source>Type the recovery key exactly as printed (dashes and spaces do not matter), the user name whose password was forgotten, and a new password for her.</source>
        <translation>Scrivi la chiave di recupero come è stampata (trattini e spazi non contano), il nome utente di cui è stata dimenticata la password e una nuova password.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Chiave di recupero:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>Set password and &amp;unlock</source>
        <translation>Imposta la password e s&amp;blocca</translation>
    </message>
    <message>
        <source>Enter the recovery key and the user name.</source>
        <translation>Inserisci la chiave di recupero e il nome utente.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Nuova chiave di recupero</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPanel</name>
    <message>
        <source>ascolto-recovery-key.pdf</source>
        <translation>ascolto-chiave-di-recupero.pdf</translation>
    </message>
    <message>
        <source>This recovery key opens the data if every password is forgotten. It is shown only now. Print it or write it down, and keep it locked away, separate from this computer.</source>
        <translation>Questa chiave di recupero apre i dati se tutte le password vengono dimenticate. Viene mostrata solo adesso. Stampala o trascrivila e conservala sotto chiave, lontano da questo computer.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Stampa…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Salva come P&amp;DF…</translation>
    </message>
    <message>
        <source>I have &amp;printed or written down the recovery key</source>
        <translation>Ho stampato o &amp;trascritto la chiave di recupero</translation>
    </message>
    <message>
        <source>Ascolto recovery key</source>
        <translation>Chiave di recupero di Ascolto</translation>
    </message>
    <message>
        <source>Centre: {centre}</source>
        <translation>Centro: {centre}</translation>
    </message>
    <message>
        <source>Printed on {date}</source>
        <translation>Stampata il {date}</translation>
    </message>
    <message>
        <source>With this key and a user name a new password can be set, and every case record can be read. Keep this sheet in a locked drawer or safe, away from the computer. Do not photograph it.</source>
        <translation>Con questa chiave e un nome utente si può impostare una nuova password e leggere ogni scheda. Conserva questo foglio in un cassetto chiuso a chiave o in cassaforte, lontano dal computer. Non fotografarlo.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Stampa la chiave di recupero</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Salva come PDF</translation>
    </message>
    <message>
        <source>A PDF of the recovery key is as powerful as the key itself. Save it only on a USB stick that is then locked away, never on this computer, a shared folder or e-mail. Continue?</source>
        <translation>Un PDF della chiave di recupero vale quanto la chiave stessa. Salvalo solo su una chiavetta USB da chiudere poi sotto chiave, mai su questo computer, in una cartella condivisa o per e-mail. Continuare?</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>Salva la chiave di recupero come PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {reason}</source>
        <translation>Non è stato possibile salvare il PDF: {reason}</translation>
    </message>
    <message>
        <source>Saved. Lock the file away now and delete any other copy.</source>
        <translation>Salvato. Metti subito il file sotto chiave ed elimina ogni altra copia.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>Last step: keep this key safe.</source>
        <translation>Ultimo passo: conserva questa chiave al sicuro.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>New referral — {code}</source>
        <translation>Nuovo invio — {code}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destinazione</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Date of the outcome</source>
        <translation>Data dell’esito</translation>
    </message>
    <message>
        <source>Her data are &amp;shared with this service</source>
        <translation>I suoi dati sono &amp;condivisi con questo servizio</translation>
    </message>
    <message>
        <source>Children referred with her</source>
        <translation>Figli inviati insieme a lei</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>D&amp;estination:</source>
        <translation>Des&amp;tinazione:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>&amp;Esito:</translation>
    </message>
    <message>
        <source>Outcome o&amp;n:</source>
        <translation>Esito de&amp;l:</translation>
    </message>
    <message>
        <source>Only if she consented to sharing with this service (Consents tab).</source>
        <translation>Solo se ha dato il consenso alla condivisione con questo servizio (scheda Consensi).</translation>
    </message>
    <message>
        <source>C&amp;hildren with her:</source>
        <translation>&amp;Figli con lei:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destinazione</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Outcome on</source>
        <translation>Data esito</translation>
    </message>
    <message>
        <source>Data shared</source>
        <translation>Dati condivisi</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Figli</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Invii</translation>
    </message>
    <message>
        <source>&amp;Add referral…</source>
        <translation>&amp;Aggiungi invio…</translation>
    </message>
    <message>
        <source>Record outco&amp;me…</source>
        <translation>Registra l’&amp;esito…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ReleaseActions</name>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>Salva P&amp;DF…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Sta&amp;mpa…</translation>
    </message>
    <message>
        <source>E&amp;xport package…</source>
        <translation>&amp;Esporta pacchetto…</translation>
    </message>
    <message>
        <source>For &amp;ISTAT, Region, funder…</source>
        <translation>Per &amp;ISTAT, Regione, finanziatori…</translation>
    </message>
    <message>
        <source>The same figures laid out for ISTAT, Regione Lombardia or a funder (XLSX, CSV, JSON)</source>
        <translation>Gli stessi dati impaginati per ISTAT, Regione Lombardia o un finanziatore (XLSX, CSV, JSON)</translation>
    </message>
    <message>
        <source>Fingerprint of this centre&apos;s signing key</source>
        <translation>Impronta della chiave di firma di questo centro</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Salva il report in PDF</translation>
    </message>
    <message>
        <source>report</source>
        <translation>report</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>Report salvato: {path}</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Creazione del PDF…</translation>
    </message>
    <message>
        <source>Report sent to the printer.</source>
        <translation>Report inviato alla stampante.</translation>
    </message>
    <message>
        <source>Preparing the printout…</source>
        <translation>Preparazione della stampa…</translation>
    </message>
    <message>
        <source>Export the signed package</source>
        <translation>Esporta il pacchetto firmato</translation>
    </message>
    <message>
        <source>package</source>
        <translation>pacchetto</translation>
    </message>
    <message>
        <source>Signed packages (*.json)</source>
        <translation>Pacchetti firmati (*.json)</translation>
    </message>
    <message>
        <source>Signing the package…</source>
        <translation>Firma del pacchetto…</translation>
    </message>
    <message>
        <source>Package saved: {package}
Preview of its contents: {preview}
Give the network coordinator this fingerprint by phone or in person, so she can check the package really comes from you:</source>
        <translation>Pacchetto salvato: {package}
Anteprima del contenuto: {preview}
Comunica questa impronta alla coordinatrice della rete per telefono o di persona, così potrà verificare che il pacchetto provenga davvero da te:</translation>
    </message>
</context>
<context>
    <name>Releases</name>
    <message>
        <source>the whole centre</source>
        <translation>l’intero centro</translation>
    </message>
    <message>
        <source>{period} for {desks} on {day}</source>
        <translation>{period} per {desks} il {day}</translation>
    </message>
    <message>
        <source>{n} more</source>
        <translation>altri {n}</translation>
    </message>
    <message>
        <source>Already released for {period} or periods overlapping it: {list}.</source>
        <translation>Già diffusi per {period} o periodi che vi si sovrappongono: {list}.</translation>
    </message>
    <message>
        <source>Nothing was released yet for {period} or periods overlapping it.</source>
        <translation>Nulla è ancora stato diffuso per {period} o periodi che vi si sovrappongono.</translation>
    </message>
    <message>
        <source>This release adds {period} for {desks}, frozen once made.</source>
        <translation>Questa diffusione aggiunge {period} per {desks}, congelata una volta fatta.</translation>
    </message>
    <message>
        <source>This release adds nothing new.</source>
        <translation>Questa diffusione non aggiunge nulla di nuovo.</translation>
    </message>
    <message>
        <source>Written again as first released: {period} for {desks}.</source>
        <translation>Riscritti come alla prima diffusione: {period} per {desks}.</translation>
    </message>
    <message>
        <source>The figures are computed as one archive from the cases of this installation and of {names}.</source>
        <translation>I dati sono calcolati come un unico archivio dai casi di questa installazione e di {names}.</translation>
    </message>
    <message>
        <source>Released without the figures of {names}, not received (an administrator&apos;s decision): their cases are not counted.</source>
        <translation>Rilasciato senza i dati di {names}, non ricevuti (decisione di un&apos;amministratrice): i loro casi non sono contati.</translation>
    </message>
</context>
<context>
    <name>RenameHelpDeskDialog</name>
    <message>
        <source>Rename the help desk {name}</source>
        <translation>Rinomina lo sportello {name}</translation>
    </message>
    <message>
        <source>New name of the help desk</source>
        <translation>Nuovo nome dello sportello</translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation>&amp;Nuovo nome:</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Rinomina</translation>
    </message>
    <message>
        <source>Enter the name of the help desk.</source>
        <translation>Inserisci il nome dello sportello.</translation>
    </message>
</context>
<context>
    <name>ReportPrint</name>
    <message>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Stampa il report</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Indicators for a period and help desks, protected by disclosure control. Preview first: the PDF, the printout and the signed package carry exactly what the preview shows.</source>
        <translation>Indicatori per un periodo e per gli sportelli scelti, protetti dal controllo della divulgazione statistica. Guarda prima l’anteprima: il PDF, la stampa e il pacchetto firmato contengono esattamente ciò che mostra l’anteprima.</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Anteprima</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Help &amp;desks:</source>
        <translation>&amp;Sportelli:</translation>
    </message>
    <message>
        <source>C&amp;hange period or help desks</source>
        <translation>&amp;Cambia periodo o sportelli</translation>
    </message>
    <message>
        <source>Choose a period and help desks, then press Preview.</source>
        <translation>Scegli un periodo e gli sportelli, poi premi Anteprima.</translation>
    </message>
    <message>
        <source>The choice changed: press Preview again.</source>
        <translation>La scelta è cambiata: premi di nuovo Anteprima.</translation>
    </message>
    <message>
        <source>The custom range ends before it starts.</source>
        <translation>L’intervallo personalizzato finisce prima di iniziare.</translation>
    </message>
    <message>
        <source>Choose at least one help desk.</source>
        <translation>Scegli almeno uno sportello.</translation>
    </message>
    <message>
        <source>Computing the indicators…</source>
        <translation>Calcolo degli indicatori…</translation>
    </message>
    <message>
        <source>{period}, {desks}</source>
        <translation>{period}, {desks}</translation>
    </message>
    <message>
        <source>{period}: {hidden} values below {k} or not published. Every number is changed by a few units at most, always the same way, so that no release can be subtracted from another.</source>
        <translation>{period}: {hidden} valori sotto {k} o non pubblicati. Ogni numero è modificato di poche unità al massimo, sempre allo stesso modo, così che sottrarre un report da un altro non riveli nessuna donna.</translation>
    </message>
    <message>
        <source>{period} was released on {day}: these are the figures as released. The data changed since; the changes will count from the next period on.</source>
        <translation>{period}: diffuso il {day}. Queste sono le cifre così come sono state diffuse. Da allora i dati sono cambiati: le modifiche conteranno dal prossimo periodo.</translation>
    </message>
    <message>
        <source>{period} was released on {day}: these are the figures as released.</source>
        <translation>{period}: diffuso il {day}. Queste sono le cifre così come sono state diffuse.</translation>
    </message>
    <message>
        <source>The period has not ended yet: data as of {day}.</source>
        <translation>Il periodo non è ancora concluso: dati al {day}.</translation>
    </message>
    <message>
        <source>A single help desk is published with fewer tables (women, services and hours): its profile tables, next to the whole centre&apos;s, could tell which category a woman alone at her desk is in.</source>
        <translation>Un singolo sportello viene diffuso con meno tavole (donne, prestazioni e ore): le sue tavole sul profilo delle donne, accanto a quelle dell&apos;intero centro, potrebbero rivelare a quale categoria appartiene una donna che è l&apos;unica del suo sportello.</translation>
    </message>
    <message>
        <source>The desk PCs&apos; figures of this period are final and erased: only its releases already made can be served.</source>
        <translation>I dati dei PC degli sportelli per questo periodo sono definitivi e cancellati: si possono servire solo i rilasci già fatti.</translation>
    </message>
    <message>
        <source>Figures of this PC and of: {names}.</source>
        <translation>Dati di questo PC e di: {names}.</translation>
    </message>
    <message>
        <source>Figures of this PC only.</source>
        <translation>Solo i dati di questo PC.</translation>
    </message>
    <message>
        <source>Released without: {names}.</source>
        <translation>Rilasciato senza: {names}.</translation>
    </message>
    <message>
        <source>Missing: {names} (not sent yet; it can be released without them in Administration).</source>
        <translation>Mancano: {names} (non ancora inviati; si può rilasciare senza di loro in Amministrazione).</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Reimposta password</translation>
    </message>
    <message>
        <source>New password for {name} ({username}).</source>
        <translation>Nuova password per {name} ({username}).</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Reimposta password</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Ripristina una copia di sicurezza</translation>
    </message>
    <message>
        <source>The database in use now will be replaced by this backup. Everything entered after {made} will no longer be visible. The current database is not deleted: it is kept aside, untouched, in the folder {folder}.</source>
        <translation>L’archivio in uso sarà sostituito da questa copia di sicurezza. Tutto ciò che è stato inserito dopo il {made} non sarà più visibile. L’archivio attuale non viene eliminato: resta da parte, intatto, nella cartella {folder}.</translation>
    </message>
    <message>
        <source>You are signed in as an administrator of the current database. The backup must be opened by one of its administrators: give the password valid when it was made.</source>
        <translation>Hai effettuato l’accesso come amministratrice dell’archivio attuale. Il backup deve essere aperto da una delle sue amministratrici: inserisci la password valida quando è stato fatto.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;Made on {made} · centre {centre} · schema {schema}</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;Creata il {made} · centro {centre} · schema {schema}</translation>
    </message>
    <message>
        <source>Records: {counts}</source>
        <translation>Registrazioni: {counts}</translation>
    </message>
    <message>
        <source>The current database cannot be read, but this data folder has been in use: restoring needs the current password of one of its administrators (who is an administrator in the backup too) or the current recovery key, and the backup is opened with the password valid when it was made. If your password changed since the backup, give the current one too. Every administrator will be told of this restore at her next sign-in.</source>
        <translation>L’archivio attuale non si può leggere, ma questa cartella dei dati è stata usata: il ripristino richiede la password attuale di una delle sue amministratrici (che sia amministratrice anche nel backup) oppure la chiave di recupero attuale, e il backup si apre con la password valida quando è stato fatto. Se la tua password è cambiata dopo il backup, indica anche quella attuale. Ogni amministratrice sarà avvisata di questo ripristino al suo prossimo accesso.</translation>
    </message>
    <message>
        <source>This data folder is empty (a new computer): the backup must be opened by one of its administrators, with the password valid when it was made (or the recovery key of that time). Every administrator will be told of this restore at her next sign-in.</source>
        <translation>Questa cartella dei dati è vuota (un computer nuovo): il backup deve essere aperto da una delle sue amministratrici, con la password valida quando è stato fatto (o la chiave di recupero di allora). Ogni amministratrice sarà avvisata di questo ripristino al suo prossimo accesso.</translation>
    </message>
    <message>
        <source>This backup was made by an older version: its description is not authenticated, and it is checked against the encrypted database it holds.</source>
        <translation>Questo backup è stato fatto da una versione precedente: la sua descrizione non è autenticata e viene verificata sull’archivio cifrato che contiene.</translation>
    </message>
    <message>
        <source>I &amp;understand: replace the current database with this backup</source>
        <translation>Ho &amp;capito: sostituisci l’archivio attuale con questa copia di sicurezza</translation>
    </message>
    <message>
        <source>&amp;Password valid when the backup was made</source>
        <translation>&amp;Password valida quando è stata fatta la copia</translation>
    </message>
    <message>
        <source>Recovery &amp;key of that time, and a new password</source>
        <translation>C&amp;hiave di recupero di allora e una nuova password</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Password of that time</source>
        <translation>Password di allora</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>Current password, if it changed since the backup</source>
        <translation>Password attuale, se è cambiata dopo il backup</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;Current password (if changed):</source>
        <translation>Password &amp;attuale (se cambiata):</translation>
    </message>
    <message>
        <source>Recovery ke&amp;y:</source>
        <translation>Chia&amp;ve di recupero:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Ripristina</translation>
    </message>
    <message>
        <source>What the current database holds beyond the backup cannot be counted: it cannot be read.</source>
        <translation>Non si può contare ciò che l’archivio attuale contiene in più rispetto al backup: non si può leggere.</translation>
    </message>
    <message numerus="yes">
        <source>This restore undoes what was entered after the backup was made: %n case(s)</source>
        <translation>
            <numerusform>Questo ripristino annulla ciò che è stato inserito dopo il backup: %n caso</numerusform>
            <numerusform>Questo ripristino annulla ciò che è stato inserito dopo il backup: %n casi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n service(s).</source>
        <translation>
            <numerusform>e %n prestazione.</numerusform>
            <numerusform>e %n prestazioni.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n erasure(s), consent withdrawal(s) and revocation(s) made since then are applied again.</source>
        <translation>
            <numerusform>%n cancellazione, revoca del consenso o revoca di accesso fatta da allora viene applicata di nuovo.</numerusform>
            <numerusform>Le %n cancellazioni, revoche del consenso e revoche di accesso fatte da allora vengono applicate di nuovo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the erasure ledger could not be checked and were not applied: ask your technician to look at erasures.jsonl.</source>
        <translation>
            <numerusform>%n riga del registro delle cancellazioni non si è potuta verificare e non è stata applicata: chiedi al tuo tecnico di controllare erasures.jsonl.</numerusform>
            <numerusform>%n righe del registro delle cancellazioni non si sono potute verificare e non sono state applicate: chiedi al tuo tecnico di controllare erasures.jsonl.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the release log could not be checked: they block the periods they name until removed; ask your technician to look at releases/log.jsonl.</source>
        <translation>
            <numerusform>%n riga del registro dei rilasci non si è potuta verificare: blocca i periodi che indica finché non viene tolta; chiedi al tuo tecnico di controllare releases/log.jsonl.</numerusform>
            <numerusform>%n righe del registro dei rilasci non si sono potute verificare: bloccano i periodi che indicano finché non vengono tolte; chiedi al tuo tecnico di controllare releases/log.jsonl.</numerusform>
        </translation>
    </message>
    <message>
        <source>cases</source>
        <translation>casi</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contatti</translation>
    </message>
    <message>
        <source>interviews</source>
        <translation>colloqui</translation>
    </message>
    <message>
        <source>services</source>
        <translation>prestazioni</translation>
    </message>
    <message>
        <source>referrals</source>
        <translation>invii</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>account</translation>
    </message>
    <message>
        <source>Tick the box to confirm that the current database is to be replaced.</source>
        <translation>Spunta la casella per confermare che l’archivio attuale va sostituito.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Inserisci il nome utente.</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Inserisci la chiave di recupero.</translation>
    </message>
    <message>
        <source>Enter the password that was valid when the backup was made.</source>
        <translation>Inserisci la password valida quando è stata fatta la copia di sicurezza.</translation>
    </message>
    <message>
        <source>The backup of {made} was restored. The database it replaced is kept in the folder {folder}.</source>
        <translation>Il backup del {made} è stato ripristinato. L’archivio che ha sostituito è conservato nella cartella {folder}.</translation>
    </message>
    <message>
        <source>Erasures and consent withdrawals made since the backup, applied again: {count}.</source>
        <translation>Cancellazioni e revoche del consenso fatte dopo il backup, applicate di nuovo: {count}.</translation>
    </message>
    <message>
        <source>Accounts revoked since the backup, revoked again: {count}.</source>
        <translation>Account revocati dopo il backup, revocati di nuovo: {count}.</translation>
    </message>
    <message>
        <source>Releases made since the backup, kept as released: {count}.</source>
        <translation>Rilasci fatti dopo il backup, mantenuti come rilasciati: {count}.</translation>
    </message>
    <message>
        <source>No current database could confirm who may restore: every administrator will be told of this restore at her next sign-in.</source>
        <translation>Nessun archivio attuale ha potuto confermare chi può ripristinare: ogni amministratrice sarà avvisata di questo ripristino al suo prossimo accesso.</translation>
    </message>
    <message>
        <source>Copies kept by restores and upgrades in the backups folder under the old key: {reencrypted} re-encrypted under the new key, {deleted} deleted (no active account could open them).</source>
        <translation>Copie conservate da ripristini e aggiornamenti nella cartella dei backup con la vecchia chiave: {reencrypted} cifrate di nuovo con la nuova chiave, {deleted} eliminate (nessun account attivo poteva aprirle).</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source> years</source>
        <translation> anni</translation>
    </message>
    <message>
        <source>Keep closed case files for years</source>
        <translation>Anni di conservazione delle schede dei casi chiusi</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mesi</translation>
    </message>
    <message>
        <source>Keep contact-only records for months</source>
        <translation>Mesi di conservazione delle registrazioni di solo contatto</translation>
    </message>
    <message>
        <source>Keep audit events for years</source>
        <translation>Anni di conservazione degli eventi del registro attività</translation>
    </message>
    <message>
        <source> year</source>
        <translation> anno</translation>
    </message>
    <message>
        <source> month</source>
        <translation> mese</translation>
    </message>
    <message>
        <source>Delete whole closed cases (not only identity and notes)</source>
        <translation>Elimina per intero i casi chiusi (non solo identità e note)</translation>
    </message>
    <message>
        <source>Sa&amp;ve policy</source>
        <translation>Salva &amp;i criteri</translation>
    </message>
    <message>
        <source>Retention policy</source>
        <translation>Conservazione dei dati</translation>
    </message>
    <message>
        <source>C&amp;losed case files:</source>
        <translation>Schede dei casi c&amp;hiusi:</translation>
    </message>
    <message>
        <source>Co&amp;ntact-only records:</source>
        <translation>Registrazioni di solo co&amp;ntatto:</translation>
    </message>
    <message>
        <source>Audit &amp;events:</source>
        <translation>&amp;Eventi del registro attività:</translation>
    </message>
    <message>
        <source>After its period, a closed case keeps only its coded statistical data: name, contacts and notes are erased. Contact-only records lose who took the call and the exact time. Open and suspended cases are never touched.</source>
        <translation>Trascorso il periodo, di un caso chiuso restano solo i dati statistici codificati: nome, recapiti e note vengono cancellati. Dalle registrazioni di solo contatto si tolgono chi ha risposto e l’ora esatta. I casi aperti e sospesi non vengono mai toccati.</translation>
    </message>
    <message>
        <source>What is due today</source>
        <translation>Da trattare oggi</translation>
    </message>
    <message>
        <source>Cases due</source>
        <translation>Casi in scadenza</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>Ricon&amp;trolla</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>&amp;Applica…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvato.</translation>
    </message>
    <message>
        <source>{code} — closed on {date} — erase identity and notes</source>
        <translation>{code} — chiuso il {date} — anonimizza: cancella identità e note</translation>
    </message>
    <message>
        <source>{code} — closed on {date} — delete the whole case</source>
        <translation>{code} — chiuso il {date} — elimina per intero il caso</translation>
    </message>
    <message>
        <source>Nothing is due: every record is within its period.</source>
        <translation>Nulla in scadenza: ogni registrazione è entro il suo periodo di conservazione.</translation>
    </message>
    <message>
        <source>Closed cases to erase: {cases}; to delete: {deleted}. Contact-only records to reduce: {contacts}. Audit events to remove: {events}.</source>
        <translation>Casi chiusi da anonimizzare: {cases}; da eliminare per intero: {deleted}. Registrazioni di solo contatto da ridurre: {contacts}. Eventi del registro attività da rimuovere: {events}.</translation>
    </message>
    <message>
        <source>Names, birth dates, contacts and every note of these cases are erased for good.</source>
        <translation>Nomi, date di nascita, recapiti e tutte le note di questi casi vengono cancellati definitivamente.</translation>
    </message>
    <message>
        <source>The deleted cases disappear entirely, history included.</source>
        <translation>I casi eliminati scompaiono del tutto, cronologia compresa.</translation>
    </message>
    <message>
        <source>Counts in reports stay the same. This cannot be undone, except by restoring a backup.</source>
        <translation>I conteggi nei report restano invariati. L’operazione non si può annullare, se non ripristinando una copia di sicurezza.</translation>
    </message>
    <message>
        <source>Apply the retention policy</source>
        <translation>Applica i criteri di conservazione</translation>
    </message>
    <message>
        <source>Apply the retention policy now? This is irreversible.</source>
        <translation>Applicare ora i criteri di conservazione? L’operazione è irreversibile.</translation>
    </message>
    <message>
        <source>Applying the policy and compacting the database… This can take a few minutes.</source>
        <translation>Applicazione dei criteri e compattazione dell’archivio… Può richiedere qualche minuto.</translation>
    </message>
    <message>
        <source>Done: {erased} cases erased, {deleted} deleted, {contacts} contact-only records reduced, {events} audit events removed. The database was compacted.</source>
        <translation>Fatto. Casi anonimizzati: {erased}; eliminati per intero: {deleted}; registrazioni di solo contatto ridotte: {contacts}; eventi del registro attività rimossi: {events}. L’archivio è stato compattato.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Pathway review — {code}</source>
        <translation>Verifica del percorso — {code}</translation>
    </message>
    <message>
        <source>Date of the review</source>
        <translation>Data della verifica</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>&amp;Next review:</source>
        <translation>&amp;Prossima verifica:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>Risk assessment — {code}</source>
        <translation>Valutazione del rischio — {code}</translation>
    </message>
    <message>
        <source>Choose the risk level.</source>
        <translation>Scegli il livello di rischio.</translation>
    </message>
</context>
<context>
    <name>RiskForm</name>
    <message>
        <source>Date of the assessment</source>
        <translation>Data della valutazione</translation>
    </message>
    <message>
        <source>— not assessed now —</source>
        <translation>— non valutato ora —</translation>
    </message>
    <message>
        <source>— choose the level —</source>
        <translation>— scegli il livello —</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Livello di rischio</translation>
    </message>
    <message>
        <source>Assessment tool</source>
        <translation>Strumento di valutazione</translation>
    </message>
    <message>
        <source>Notes on the assessment</source>
        <translation>Note sulla valutazione</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>Risk &amp;level:</source>
        <translation>&amp;Livello di rischio:</translation>
    </message>
    <message>
        <source>&amp;Tool used:</source>
        <translation>&amp;Strumento usato:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Record only the resulting level, the tool and your own notes. Never copy the items or scores of SARA, SARA-S or the Danger Assessment here: those instruments are reserved to trained, certified users.</source>
        <translation>Registra solo il livello risultante, lo strumento e le tue note. Non copiare mai qui gli item o i punteggi di SARA, SARA-S o del Danger Assessment: questi strumenti sono riservati a personale formato e certificato.</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>Risk assessment (optional)</source>
        <translation>Valutazione del rischio (facoltativa)</translation>
    </message>
    <message>
        <source>If you assessed the risk in this interview, record the result. You can also do it later.</source>
        <translation>Se in questo colloquio hai valutato il rischio, registra il risultato. Puoi farlo anche in seguito.</translation>
    </message>
</context>
<context>
    <name>RiskTab</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Livello</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Strumento</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Risk assessments</source>
        <translation>Valutazioni del rischio</translation>
    </message>
    <message>
        <source>&amp;Add assessment…</source>
        <translation>&amp;Aggiungi valutazione…</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Operator</source>
        <translation>Operatrice</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordinatrice</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Amministratrice</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Route</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <source>Network (releases)</source>
        <translation>Rete (rilasci)</translation>
    </message>
    <message>
        <source>Main office (bundles)</source>
        <translation>Sede (pacchetti)</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posta in arrivo</translation>
    </message>
    <message>
        <source>E-mail (PEC)</source>
        <translation>E-mail (PEC)</translation>
    </message>
    <message>
        <source>Folder (USB stick, share)</source>
        <translation>Cartella (chiavetta USB, cartella condivisa)</translation>
    </message>
    <message>
        <source>STARTTLS (port 587) instead of TLS</source>
        <translation>STARTTLS (porta 587) invece di TLS</translation>
    </message>
    <message>
        <source>addresses separated by commas</source>
        <translation>indirizzi separati da virgole</translation>
    </message>
    <message>
        <source>Addr&amp;ess:</source>
        <translation>&amp;Indirizzo:</translation>
    </message>
    <message>
        <source>Outgoing server:</source>
        <translation>Server in uscita:</translation>
    </message>
    <message>
        <source>Rec&amp;ipients:</source>
        <translation>Desti&amp;natari:</translation>
    </message>
    <message>
        <source>Incoming server:</source>
        <translation>Server in entrata:</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Cartella:</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destinazione:</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Modo:</translation>
    </message>
    <message>
        <source>unchanged (type to replace it)</source>
        <translation>invariata (scrivila per sostituirla)</translation>
    </message>
    <message>
        <source>Type the mailbox password.</source>
        <translation>Scrivi la password della casella.</translation>
    </message>
</context>
<context>
    <name>SecurityTab</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after minutes without activity</source>
        <translation>Blocco dopo minuti di inattività</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>These settings apply to this computer. A new language applies at the next start.</source>
        <translation>Queste impostazioni valgono per questo computer. La nuova lingua si applica al prossimo avvio.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Questo computer</translation>
    </message>
    <message>
        <source>Sav&amp;e settings</source>
        <translation>Salva le i&amp;mpostazioni</translation>
    </message>
    <message>
        <source>&amp;Lock after inactivity:</source>
        <translation>Blocco per &amp;inattività:</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>If the printed recovery key is lost, or someone may have seen it, make a new one. The old key stops working immediately.</source>
        <translation>Se la chiave di recupero stampata è andata persa, o qualcuno potrebbe averla vista, creane una nuova. La vecchia chiave smette subito di funzionare.</translation>
    </message>
    <message>
        <source>Make a &amp;new recovery key…</source>
        <translation>Crea una &amp;nuova chiave di recupero…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvate.</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Nuova chiave di recupero</translation>
    </message>
    <message>
        <source>Make a new recovery key? The printed key in use now will stop working.</source>
        <translation>Creare una nuova chiave di recupero? La chiave stampata in uso smetterà di funzionare.</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>New service — {code}</source>
        <translation>Nuova prestazione — {code}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Service type</source>
        <translation>Tipo di prestazione</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>A favore di</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>A &amp;favore di:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>ServiceFields</name>
    <message>
        <source>Mode</source>
        <translation>Modalità</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuti</translation>
    </message>
    <message>
        <source>Operator role</source>
        <translation>Ruolo dell’operatrice</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Prestazione:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modalità:</translation>
    </message>
    <message>
        <source>M&amp;inutes:</source>
        <translation>M&amp;inuti:</translation>
    </message>
    <message>
        <source>Operator &amp;role:</source>
        <translation>&amp;Ruolo dell’operatrice:</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Prestazione</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modalità</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuti</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>For</source>
        <translation>A favore di</translation>
    </message>
    <message>
        <source>Services delivered</source>
        <translation>Prestazioni erogate</translation>
    </message>
    <message>
        <source>Add with &amp;details…</source>
        <translation>Aggiungi con &amp;dettagli…</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>Prestazioni: %n</numerusform>
            <numerusform>Prestazioni: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{hours}h {minutes:02d}m in all</source>
        <translation>{hours} h {minutes:02d} min in totale</translation>
    </message>
</context>
<context>
    <name>SettingsSection</name>
    <message>
        <source>Saved.</source>
        <translation>Salvato.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Ascolto: set-up</source>
        <translation>Ascolto: configurazione</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Indietro</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Avanti &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fine</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>Creazione dell’archivio cifrato…</translation>
    </message>
</context>
<context>
    <name>StructureTab</name>
    <message>
        <source>Valid from</source>
        <translation>Valido dal</translation>
    </message>
    <message>
        <source>Adherence to the 1522 number</source>
        <translation>Adesione al numero 1522</translation>
    </message>
    <message>
        <source>Reachable round the clock</source>
        <translation>Reperibilità 24 ore su 24</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>Professione</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Retribuite</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Volontarie</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>retribuite</translation>
    </message>
    <message>
        <source>volunteers</source>
        <translation>volontarie</translation>
    </message>
    <message>
        <source>Save the centre&apos;s values</source>
        <translation>Salva i dati del centro</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Adheres to the 1522 number:</source>
        <translation>Aderisce al numero 1522:</translation>
    </message>
    <message>
        <source>Reachable round the clock (h24):</source>
        <translation>Reperibile 24 ore su 24 (h24):</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>Personale:</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Opening days</source>
        <translation>Giorni di apertura</translation>
    </message>
    <message>
        <source>Weekly opening hours</source>
        <translation>Ore di apertura settimanali</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <translation>Lingue parlate</translation>
    </message>
    <message>
        <source>Save the desk&apos;s values</source>
        <translation>Salva i dati dello sportello</translation>
    </message>
    <message>
        <source>Help desk:</source>
        <translation>Sportello:</translation>
    </message>
    <message>
        <source>Opening days:</source>
        <translation>Giorni di apertura:</translation>
    </message>
    <message>
        <source>Weekly opening hours:</source>
        <translation>Ore di apertura settimanali:</translation>
    </message>
    <message>
        <source>Languages spoken:</source>
        <translation>Lingue parlate:</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifiche</translation>
    </message>
    <message>
        <source>Values in force on:</source>
        <translation>Dati in vigore il:</translation>
    </message>
    <message>
        <source>For ISTAT&apos;s survey of centres. The form shows the values in force on this date; saving records them as holding from this date on. Earlier values are kept.</source>
        <translation>Per l’indagine ISTAT sui centri. Il modulo mostra i dati in vigore in questa data; salvando valgono da questa data in poi. I dati precedenti restano registrati.</translation>
    </message>
    <message>
        <source>Changes, latest first:</source>
        <translation>Modifiche, dalla più recente:</translation>
    </message>
    <message>
        <source>{desk} (closed)</source>
        <translation>{desk} (chiuso)</translation>
    </message>
    <message>
        <source>from {date} · {where} · {item}: {value}</source>
        <translation>dal {date} · {where} · {item}: {value}</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>centro</translation>
    </message>
    <message>
        <source>opening days</source>
        <translation>giorni di apertura</translation>
    </message>
    <message>
        <source>weekly hours</source>
        <translation>ore settimanali</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>lingue</translation>
    </message>
    <message>
        <source>1522 number</source>
        <translation>numero 1522</translation>
    </message>
    <message>
        <source>reachable h24</source>
        <translation>reperibilità h24</translation>
    </message>
    <message>
        <source>paid staff</source>
        <translation>personale retribuito</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Riepilogo</translation>
    </message>
    <message>
        <source>Check, then open the case. You can correct everything later in the case file.</source>
        <translation>Controlla, poi apri il caso. Potrai correggere tutto in seguito nella scheda del caso.</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>&amp;Help desk:</source>
        <translation>&amp;Sportello:</translation>
    </message>
</context>
<context>
    <name>TablePreview</name>
    <message>
        <source>women</source>
        <translation>donne</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contatti</translation>
    </message>
    <message>
        <source>services</source>
        <translation>prestazioni</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>ore</translation>
    </message>
    <message>
        <source>referrals</source>
        <translation>invii</translation>
    </message>
    <message>
        <source>minors</source>
        <translation>minori</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <source>Not published: below {k} after the small change that protects the women (zero included), or, for hours and services, fewer than {k} women stand behind it.</source>
        <translation>Non pubblicato: sotto {k} dopo la piccola modifica che protegge le donne (zero compreso) oppure, per ore e prestazioni, riguarda meno di {k} donne.</translation>
    </message>
    <message>
        <source>At least this much: some of the merged packages had this value hidden.</source>
        <translation>Almeno questo valore: in alcuni dei pacchetti uniti era oscurato.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Oggi</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ggiorna</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Appointments today and tomorrow</source>
        <translation>Appuntamenti di oggi e domani</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>Spos&amp;ta…</translation>
    </message>
    <message>
        <source>Cancel appoin&amp;tment</source>
        <translation>Annulla appunta&amp;mento</translation>
    </message>
    <message>
        <source>Help desk of the agenda</source>
        <translation>Sportello dell&apos;agenda</translation>
    </message>
    <message>
        <source>Day of the agenda</source>
        <translation>Giorno dell&apos;agenda</translation>
    </message>
    <message>
        <source>today</source>
        <translation>oggi</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>domani</translation>
    </message>
    <message>
        <source>with &amp;names</source>
        <translation>con &amp;nomi</translation>
    </message>
    <message>
        <source>Print her name beside the case code. Recorded in the audit trail; keep the paper locked away.</source>
        <translation>Stampa il suo nome accanto al codice del caso. Resta nel registro degli accessi; custodisci il foglio sotto chiave.</translation>
    </message>
    <message>
        <source>Print the &amp;agenda…</source>
        <translation>Stampa l&apos;&amp;agenda…</translation>
    </message>
    <message>
        <source>Help d&amp;esk:</source>
        <translation>Sport&amp;ello:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>Review planned for</source>
        <translation>Verifica prevista il</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Last recorded</source>
        <translation>Ultima registrazione</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Consenso dato il</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Ultimo contatto</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Informativa privacy</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>Apr&amp;i il caso</translation>
    </message>
    <message>
        <source>Enter or a double click opens the case at the tab where the work is done.</source>
        <translation>Invio o un doppio clic apre il caso alla scheda dove si svolge il lavoro.</translation>
    </message>
    <message>
        <source>A&amp;ppointments</source>
        <translation>A&amp;ppuntamenti</translation>
    </message>
    <message>
        <source>Re&amp;views due</source>
        <translation>&amp;Verifiche</translation>
    </message>
    <message>
        <source>&amp;Goal deadlines</source>
        <translation>&amp;Obiettivi</translation>
    </message>
    <message>
        <source>No &amp;contact for a while</source>
        <translation>Senza &amp;contatti</translation>
    </message>
    <message>
        <source>Con&amp;sents to renew</source>
        <translation>Consensi da &amp;rinnovare</translation>
    </message>
    <message>
        <source>&amp;Waiting for the interview</source>
        <translation>In attesa di collo&amp;quio</translation>
    </message>
    <message>
        <source>No backup of the database has been made yet.</source>
        <translation>Non è ancora stato fatto nessun backup dell&apos;archivio.</translation>
    </message>
    <message>
        <source>The last backup was made on {date}: make a new one.</source>
        <translation>L&apos;ultimo backup è del {date}: fanne uno nuovo.</translation>
    </message>
    <message>
        <source>Past their retention period (Administration, Retention): closed case files {cases}, contact records {contacts}.</source>
        <translation>Oltre il periodo di conservazione (Amministrazione, Conservazione): fascicoli chiusi {cases}, contatti {contacts}.</translation>
    </message>
    <message numerus="yes">
        <source>Agenda saved: {name} (%n appointment(s))</source>
        <translation>
            <numerusform>Agenda salvata: {name} (%n appuntamento)</numerusform>
            <numerusform>Agenda salvata: {name} (%n appuntamenti)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an appointment first.</source>
        <translation>Scegli prima un appuntamento.</translation>
    </message>
    <message>
        <source>This hour is booked for a case of another help desk: that desk manages it.</source>
        <translation>Quest&apos;ora è prenotata per un caso di un altro sportello: lo gestisce quello sportello.</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>Annulla l&apos;appuntamento</translation>
    </message>
    <message>
        <source>Cancel the appointment of {code} at {time}?</source>
        <translation>Annullare l&apos;appuntamento di {code} alle {time}?</translation>
    </message>
    <message>
        <source>Appointment cancelled</source>
        <translation>Appuntamento annullato</translation>
    </message>
    <message>
        <source>Save the agenda</source>
        <translation>Salva l&apos;agenda</translation>
    </message>
</context>
<context>
    <name>TodaySettingsBox</name>
    <message>
        <source>Today page</source>
        <translation>Pagina Oggi</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> settimane</translation>
    </message>
    <message>
        <source>Weeks without a service or contact before a case is listed</source>
        <translation>Settimane senza prestazioni né contatti prima che un caso sia elencato</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mesi</translation>
    </message>
    <message>
        <source>Months between two reviews of a pathway</source>
        <translation>Mesi tra due verifiche di un percorso</translation>
    </message>
    <message>
        <source>At high risk, review ever&amp;y:</source>
        <translation>A rischio &amp;elevato, verifica ogni:</translation>
    </message>
    <message>
        <source>Save the Today settin&amp;gs</source>
        <translation>Salva le impostazioni di O&amp;ggi</translation>
    </message>
    <message>
        <source>same interval</source>
        <translation>stesso intervallo</translation>
    </message>
    <message>
        <source>Weeks between two reviews when her latest risk is high</source>
        <translation>Settimane fra due verifiche quando il suo ultimo rischio è elevato</translation>
    </message>
    <message>
        <source>Weeks &amp;without contact:</source>
        <translation>Settimane senza con&amp;tatti:</translation>
    </message>
    <message>
        <source>Review pathways e&amp;very:</source>
        <translation>Verifica dei &amp;percorsi ogni:</translation>
    </message>
</context>
<context>
    <name>TrustKeyDialog</name>
    <message>
        <source>New signing key</source>
        <translation>Nuova chiave di firma</translation>
    </message>
    <message>
        <source>Is this package really from {centre}?</source>
        <translation>Questo pacchetto proviene davvero da {centre}?</translation>
    </message>
    <message>
        <source>This is the first package signed with this key. Phone the coordinator of {centre} (use a number you already know, not one written in the package or its e-mail) and ask her to read the fingerprint shown on her screen after the export. Trust the key only if every character matches.</source>
        <translation>È il primo pacchetto firmato con questa chiave. Telefona alla coordinatrice di {centre} (usa un numero che già conosci, non uno scritto nel pacchetto o nella sua e-mail) e chiedile di leggerti l’impronta che compare sul suo schermo dopo l’esportazione. Considera attendibile la chiave solo se ogni carattere corrisponde.</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Impronta</translation>
    </message>
    <message>
        <source>If anything differs, press Cancel: the package may have been altered or sent by someone else. Once trusted, later packages signed with this key are accepted without asking.</source>
        <translation>Se qualcosa non corrisponde, premi Annulla: il pacchetto potrebbe essere stato alterato o inviato da qualcun altro. Una volta considerata attendibile la chiave, i pacchetti successivi firmati con essa vengono accettati senza chiedere conferma.</translation>
    </message>
    <message>
        <source>&amp;It matches: trust this key</source>
        <translation>&amp;Corrisponde: considera attendibile questa chiave</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Ascolto</source>
        <translation>Ascolto</translation>
    </message>
    <message>
        <source>Locked. Sign in to continue.</source>
        <translation>Bloccato. Accedi per continuare.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation>&amp;Sblocca</translation>
    </message>
    <message>
        <source>Forgot your password? Use the &amp;recovery key</source>
        <translation>Password dimenticata? Usa la chiave di &amp;recupero</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Inserisci nome utente e password.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Sblocco in corso…</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts for this account. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Troppi tentativi falliti per questo account. Puoi riprovare tra %n secondo.</numerusform>
            <numerusform>Troppi tentativi falliti per questo account. Puoi riprovare tra %n secondi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Checking the backup…</source>
        <translation>Verifica della copia di sicurezza…</translation>
    </message>
</context>
</TS>
