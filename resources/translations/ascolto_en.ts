<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CaseListView</name>
    <message numerus="yes">
        <source>%n case(s) whose notes hold the words</source>
        <translation>
            <numerusform>%n case whose notes hold the words</numerusform>
            <numerusform>%n cases whose notes hold the words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FailedAttemptsBanner</name>
    <message numerus="yes">
        <source>%n failed login attempt(s) on your account since your last login.</source>
        <translation>
            <numerusform>%n failed login attempt on your account since your last login.</numerusform>
            <numerusform>%n failed login attempts on your account since your last login.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n case(s) found by the data-quality check.</source>
        <translation>
            <numerusform>%n case found by the data-quality check.</numerusform>
            <numerusform>%n cases found by the data-quality check.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) due today</source>
        <translation>
            <numerusform>%n thing due today</numerusform>
            <numerusform>%n things due today</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteList</name>
    <message numerus="yes">
        <source>%n of her notes match</source>
        <translation>
            <numerusform>%n of her notes matches</numerusform>
            <numerusform>%n of her notes match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message numerus="yes">
        <source>New attachments: %n.</source>
        <translation>
            <numerusform>New attachments: %n.</numerusform>
            <numerusform>New attachments: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileExportDialog</name>
    <message numerus="yes">
        <source>{check}: %n case(s): {codes}</source>
        <translation>
            <numerusform>{check}: %n case: {codes}</numerusform>
            <numerusform>{check}: %n cases: {codes}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>This restore undoes what was entered after the backup was made: %n case(s)</source>
        <translation>
            <numerusform>This restore undoes what was entered after the backup was made: %n case</numerusform>
            <numerusform>This restore undoes what was entered after the backup was made: %n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n service(s).</source>
        <translation>
            <numerusform>and %n service.</numerusform>
            <numerusform>and %n services.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n erasure(s), consent withdrawal(s) and revocation(s) made since then are applied again.</source>
        <translation>
            <numerusform>%n erasure, consent withdrawal or revocation made since then is applied again.</numerusform>
            <numerusform>The %n erasures, consent withdrawals and revocations made since then are applied again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the erasure ledger could not be checked and were not applied: ask your technician to look at erasures.jsonl.</source>
        <translation>
            <numerusform>%n line of the erasure ledger could not be checked and was not applied: ask your technician to look at erasures.jsonl.</numerusform>
            <numerusform>%n lines of the erasure ledger could not be checked and were not applied: ask your technician to look at erasures.jsonl.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the release log could not be checked: they block the periods they name until removed; ask your technician to look at releases/log.jsonl.</source>
        <translation>
            <numerusform>%n line of the release log could not be checked: it blocks the periods it names until removed; ask your technician to look at releases/log.jsonl.</numerusform>
            <numerusform>%n lines of the release log could not be checked: they block the periods they name until removed; ask your technician to look at releases/log.jsonl.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>Agenda saved: {name} (%n appointment(s))</source>
        <translation>
            <numerusform>Agenda saved: {name} (%n appointment)</numerusform>
            <numerusform>Agenda saved: {name} (%n appointments)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message numerus="yes">
        <source>Too many failed attempts for this account. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed attempts for this account. You can try again in %n second.</numerusform>
            <numerusform>Too many failed attempts for this account. You can try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
