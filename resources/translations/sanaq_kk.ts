<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name></name>
    <message>
        <location filename="../../ui/file_actions.py" line="56"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="57"/>
        <source>&amp;New election…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="58"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="59"/>
        <source>Open &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="60"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="64"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="66"/>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="69"/>
        <source>&amp;Export audited workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="72"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="74"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="75"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="77"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="82"/>
        <source>&amp;Protocol form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="87"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="120"/>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="121"/>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="131"/>
        <location filename="../../ui/findings_model.py" line="59"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="136"/>
        <source>Open package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="159"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="161"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="170"/>
        <source>Sanaq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="170"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="186"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="186"/>
        <source>Sanaq project (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="211"/>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="216"/>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="231"/>
        <source>new election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="243"/>
        <source>Export audited workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="243"/>
        <source>Workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="284"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="289"/>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="46"/>
        <location filename="../../ui/findings_panel.py" line="74"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="47"/>
        <location filename="../../ui/findings_panel.py" line="77"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="48"/>
        <location filename="../../ui/unit_tree_model.py" line="134"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="49"/>
        <location filename="../../ui/findings_panel.py" line="80"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="50"/>
        <location filename="../../ui/findings_panel.py" line="81"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="51"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="52"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="53"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="54"/>
        <location filename="../../ui/findings_panel.py" line="84"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="55"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="56"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="60"/>
        <source>Explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="61"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="64"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="65"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="66"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="299"/>
        <source>Review of a finding in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="34"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="35"/>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="36"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="89"/>
        <location filename="../../ui/findings_panel.py" line="90"/>
        <source>Search findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="96"/>
        <location filename="../../ui/main_window.py" line="111"/>
        <location filename="../../ui/unit_tree_model.py" line="134"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="129"/>
        <source>Filter by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="130"/>
        <source>Any %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="12"/>
        <source>Registered voters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="13"/>
        <source>Ballots received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="14"/>
        <source>Ballots issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="15"/>
        <source>Ballots unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="16"/>
        <source>Ballots spoiled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="17"/>
        <source>Ballots lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="18"/>
        <source>Ballots unaccounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="19"/>
        <source>Ballots cast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="20"/>
        <source>Invalid ballots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="21"/>
        <source>Valid ballots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="24"/>
        <source>Turnout %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="25"/>
        <source>Invalid %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="26"/>
        <source>Valid %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="30"/>
        <source>Official</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="30"/>
        <source>Observer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="60"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="62"/>
        <source>%1 seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Source of the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/protocol_form.py" line="77"/>
        <source>Protocol of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/protocol_form.py" line="148"/>
        <source>Protocol of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="169"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="244"/>
        <source>cannot be computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="253"/>
        <source>Reported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="254"/>
        <source>Expected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="261"/>
        <source>Not reported; shown as the sum of the votes (derived, never saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="263"/>
        <source>Not reported (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="280"/>
        <source>Entry of %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_view.py" line="38"/>
        <source>Results of the selected unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_view.py" line="96"/>
        <source>Deletion of %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_view.py" line="124"/>
        <source>Nothing was pasted: %1 values refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results_view.py" line="128"/>
        <source>Paste of %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/summary_bar.py" line="14"/>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/summary_bar.py" line="15"/>
        <source>%1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/summary_bar.py" line="16"/>
        <source>%1 notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/summary_bar.py" line="31"/>
        <source>Findings by severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unit_tree_model.py" line="177"/>
        <source>%1: nothing reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unit_tree_model.py" line="178"/>
        <source>%1 (%2): %3 errors, %4 warnings, %5 notes here and below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workers.py" line="77"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workers.py" line="79"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="290"/>
        <source>Check and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="291"/>
        <source>Nothing changes until you press Finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="293"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="294"/>
        <source>official</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="294"/>
        <source>observer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="297"/>
        <source>Match names under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="298"/>
        <source>Accept thousands separators (1 234 567, 1,234,567)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="299"/>
        <source>Accept % after percentages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="300"/>
        <source>Leave out rows that match no unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="301"/>
        <source>Keep rows that look like totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="302"/>
        <source>Empty cells clear existing figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="312"/>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="313"/>
        <source>Match names under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="323"/>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="336"/>
        <source>(any unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="362"/>
        <source>Read as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="364"/>
        <source>Row %1 left out as a total row: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="368"/>
        <source>Rows left out, matching no unit: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="372"/>
        <source>%1 problems: fix the file or the choices above, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="375"/>
        <source>The file changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="377"/>
        <source>%1 cells will change in %2 units (%3 rows read).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="149"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="150"/>
        <source>A CSV (comma, semicolon or tab), XLSX or ODS table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="152"/>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="153"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="156"/>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="157"/>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="165"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="166"/>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="175"/>
        <source>Import a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="175"/>
        <source>Tables (*.csv *.txt *.xlsx *.ods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="189"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="198"/>
        <source>sheet “%1” of a workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="201"/>
        <source>Read as %1: %2 columns, %3 rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="403"/>
        <source>Import a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="458"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="481"/>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="490"/>
        <source>The check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="230"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="231"/>
        <source>Choose what each column holds; columns left out are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="233"/>
        <source>Column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="235"/>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="235"/>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="235"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="255"/>
        <source>Field for column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="256"/>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewElectionDialog</name>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="54"/>
        <source>New election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="60"/>
        <source>Kazakhstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="64"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="65"/>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="66"/>
        <source>Nation unit id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="67"/>
        <source>Nation unit name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="68"/>
        <source>Decimals of published percentages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="75"/>
        <source>Levels, from the nation down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="79"/>
        <source>Levels (from the nation down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="87"/>
        <location filename="../../ui/new_election_dialog.py" line="103"/>
        <source>Contestants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="90"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="91"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="92"/>
        <source>Ballot order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="93"/>
        <source>Registration order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="110"/>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="115"/>
        <source>Largest remainder (Hare quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="116"/>
        <source>D&apos;Hondt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="117"/>
        <source>Sainte-Laguë</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="125"/>
        <source>valid ballots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="125"/>
        <source>ballots cast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="129"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="133"/>
        <source>Total seats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="134"/>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="135"/>
        <source>Threshold, %:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="136"/>
        <source>Threshold base:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="137"/>
        <source>Seats for the runner-up at least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="173"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="174"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="193"/>
        <source>level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="275"/>
        <source>Give the election a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="278"/>
        <source>Add at least one level (the nation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="280"/>
        <source>A level has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="282"/>
        <source>Two levels have the same name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="284"/>
        <source>Give the nation unit an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="287"/>
        <source>Seats: the total must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="302"/>
        <source>Contestant %1 has no code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="304"/>
        <source>Contestant %1: the code %2 may hold only letters, digits, _ and -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="307"/>
        <source>The code %1 appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="312"/>
        <source>ballot order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="313"/>
        <source>registration order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="316"/>
        <source>Contestant %1: the %2 must be a whole number from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/new_election_dialog.py" line="319"/>
        <source>Contestant %1: the %2 %3 is taken by another contestant.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="215"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="216"/>
        <source>The first rows of the file, as they were read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="218"/>
        <source>Preview of the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="106"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="106"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="106"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="106"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
