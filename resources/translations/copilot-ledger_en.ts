<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ledger::ArchiveFiles</name>
    <message numerus="yes">
        <source>The archive %1 is still in use (%n open connection(s)), so it was not deleted. Wait for the sync or export to end and try again.</source>
        <translation>
            <numerusform>The archive %1 is still in use (%n open connection), so it was not deleted. Wait for the sync or export to end and try again.</numerusform>
            <numerusform>The archive %1 is still in use (%n open connections), so it was not deleted. Wait for the sync or export to end and try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message numerus="yes">
        <source>Saved %1 (%n row(s)).</source>
        <translation>
            <numerusform>Saved %1 (%n row).</numerusform>
            <numerusform>Saved %1 (%n rows).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::SyncEngine</name>
    <message numerus="yes">
        <source>%n item(s) of this user's history could not be read (%1); they are kept as received and exported in interactions.jsonl.</source>
        <translation>
            <numerusform>%n item of this user's history could not be read (%1); it is kept as received and exported in interactions.jsonl.</numerusform>
            <numerusform>%n items of this user's history could not be read (%1); they are kept as received and exported in interactions.jsonl.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) synced: %1 with interactions, %2 without, %3 not licensed, %4 failed.</source>
        <translation>
            <numerusform>%n user synced: %1 with interactions, %2 without, %3 not licensed, %4 failed.</numerusform>
            <numerusform>%n users synced: %1 with interactions, %2 without, %3 not licensed, %4 failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::gui::CheckListWidget</name>
    <message numerus="yes">
        <source>The connection works, with %n warning(s) below.</source>
        <translation>
            <numerusform>The connection works, with %n warning below.</numerusform>
            <numerusform>The connection works, with %n warnings below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::gui::FilterBar</name>
    <message numerus="yes">
        <source>%n apps</source>
        <translation>
            <numerusform>%n app</numerusform>
            <numerusform>%n apps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n users</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::gui::MainWindow</name>
    <message numerus="yes">
        <source>Sync cancelled; %Ln new interactions were kept.</source>
        <translation>
            <numerusform>Sync cancelled; %Ln new interaction was kept.</numerusform>
            <numerusform>Sync cancelled; %Ln new interactions were kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync finished: %1 new interactions; %Ln user(s) could not be read — see the Users tab (status Failed).</source>
        <translation>
            <numerusform>Sync finished: %1 new interactions; %Ln user could not be read — see the Users tab (status Failed).</numerusform>
            <numerusform>Sync finished: %1 new interactions; %Ln users could not be read — see the Users tab (status Failed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync finished: %Ln new interactions.</source>
        <translation>
            <numerusform>Sync finished: %Ln new interaction.</numerusform>
            <numerusform>Sync finished: %Ln new interactions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::gui::SyncStatusWidget</name>
    <message numerus="yes">
        <source> · waiting %Ln s because Microsoft Graph asked</source>
        <translation>
            <numerusform> · waiting %Ln s because Microsoft Graph asked</numerusform>
            <numerusform> · waiting %Ln s because Microsoft Graph asked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln throttled (429)</source>
        <translation>
            <numerusform> · %Ln throttled (429)</numerusform>
            <numerusform> · %Ln throttled (429)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::TranscriptWriter</name>
    <message numerus="yes">
        <source>%n prompts</source>
        <translation>
            <numerusform>%n prompt</numerusform>
            <numerusform>%n prompts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n responses</source>
        <translation>
            <numerusform>%n response</numerusform>
            <numerusform>%n responses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::gui::ReviewView</name>
    <message numerus="yes">
        <source>%Ln in the queue</source>
        <translation>
            <numerusform>%Ln in the queue</numerusform>
            <numerusform>%Ln in the queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Seed %1, drawn %2 by %3, %Ln prompts picked</source>
        <translation>
            <numerusform>Seed %1, drawn %2 by %3, %Ln prompt picked</numerusform>
            <numerusform>Seed %1, drawn %2 by %3, %Ln prompts picked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n users</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sample %1: %Ln prompts picked</source>
        <translation>
            <numerusform>Sample %1: %Ln prompt picked</numerusform>
            <numerusform>Sample %1: %Ln prompts picked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::gui::Workspace</name>
    <message numerus="yes">
        <source>%n users</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::GraphClient</name>
    <message numerus="yes">
        <source>Microsoft Graph did not finish its answer within %n second(s).</source>
        <translation>
            <numerusform>Microsoft Graph did not finish its answer within %n second.</numerusform>
            <numerusform>Microsoft Graph did not finish its answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::GraphPager</name>
    <message numerus="yes">
        <source>Microsoft Graph kept sending next-page links: paging was stopped after %n page(s), the limit for one list.</source>
        <translation>
            <numerusform>Microsoft Graph kept sending next-page links: paging was stopped after %n page, the limit for one list.</numerusform>
            <numerusform>Microsoft Graph kept sending next-page links: paging was stopped after %n pages, the limit for one list.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::gui::ActivityLogDialog</name>
    <message numerus="yes">
        <source>Verified: the activity log is intact (%Ln entries, each hash-chained to the one before).</source>
        <translation>
            <numerusform>Verified: the activity log is intact (%Ln entry).</numerusform>
            <numerusform>Verified: the activity log is intact (%Ln entries, each hash-chained to the one before).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entries shown</source>
        <translation>
            <numerusform>%1 of %Ln entry shown</numerusform>
            <numerusform>%1 of %Ln entries shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ledger::ActivityLog</name>
    <message numerus="yes">
        <source>The activity log is intact: %n entries verified.</source>
        <translation>
            <numerusform>The activity log is intact: %n entry verified.</numerusform>
            <numerusform>The activity log is intact: %n entries verified.</numerusform>
        </translation>
    </message>
</context>
</TS>
