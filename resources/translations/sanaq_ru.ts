<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name></name>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="70"/>
        <source>&amp;New election…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="73"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="76"/>
        <source>Open &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="78"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="81"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="82"/>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="85"/>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="88"/>
        <source>&amp;Export audited workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="93"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="95"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>&amp;Protocol form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>&amp;Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="91"/>
        <source>P&amp;roperties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="130"/>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="131"/>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="136"/>
        <location filename="../../ui/findings/findings_model.py" line="60"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="141"/>
        <source>Open package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="172"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="174"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="181"/>
        <source>Opened before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="182"/>
        <source>%1 was opened before: its work is in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="189"/>
        <source>Go on in that project, or make a new copy of the package?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="190"/>
        <source>&amp;Go on there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="191"/>
        <source>Make a &amp;new copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="208"/>
        <location filename="../../ui/file_actions.py" line="328"/>
        <source>Sanaq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="208"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="224"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="112"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="124"/>
        <source>&amp;Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="129"/>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="440"/>
        <source>Save the project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="130"/>
        <source>&amp;Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="254"/>
        <source>Add &amp;level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="254"/>
        <source>Remove level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="255"/>
        <source>&amp;Add contestant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="255"/>
        <source>Remove contestant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="421"/>
        <source>Choose where to save the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="423"/>
        <source>%1 exists already: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="425"/>
        <source>%1 is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="442"/>
        <location filename="../../ui/file_actions.py" line="224"/>
        <source>Sanaq project (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="245"/>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="250"/>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="270"/>
        <source>Merge another observer&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="281"/>
        <source>this election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="295"/>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="307"/>
        <source>%1 was merged into this project already (journal entry %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="310"/>
        <source>%1 brings nothing new: every figure and note it has is here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="311"/>
        <source>Nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="320"/>
        <source>Merged %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="377"/>
        <source>Export audited workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="377"/>
        <source>Workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="421"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="426"/>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="47"/>
        <location filename="../../ui/findings/findings_panel.py" line="75"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="48"/>
        <location filename="../../ui/findings/findings_panel.py" line="78"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="32"/>
        <source>the original figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="33"/>
        <source>the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="42"/>
        <source>this merge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="44"/>
        <source>entry %1 (%2 UTC): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="44"/>
        <source>entry %1 (%2 UTC, %4): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="57"/>
        <source>Same unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="57"/>
        <source>Their unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="57"/>
        <source>Our unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="91"/>
        <source>same unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="91"/>
        <source>a unit of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="113"/>
        <location filename="../../ui/findings/findings_model.py" line="49"/>
        <location filename="../../ui/signals/signals_model.py" line="25"/>
        <location filename="../../ui/tree/unit_tree_model.py" line="212"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="115"/>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="116"/>
        <source>Set by (mine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="117"/>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="118"/>
        <source>Set by (theirs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="119"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="181"/>
        <source>review note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="182"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="182"/>
        <source>parent unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="182"/>
        <source>the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="188"/>
        <source>removed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="193"/>
        <source>to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="195"/>
        <source>mine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="197"/>
        <source>theirs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="198"/>
        <source>typed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="245"/>
        <source>%1: a unit&apos;s name cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="50"/>
        <location filename="../../ui/findings/findings_panel.py" line="81"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="51"/>
        <location filename="../../ui/findings/findings_panel.py" line="82"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merging/models.py" line="114"/>
        <location filename="../../ui/findings/findings_model.py" line="52"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="53"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="54"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="55"/>
        <location filename="../../ui/findings/findings_panel.py" line="85"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="56"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="57"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="61"/>
        <source>Explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="62"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="65"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="66"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="67"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_model.py" line="300"/>
        <source>Review of a finding in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_panel.py" line="35"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_panel.py" line="36"/>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_panel.py" line="37"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_panel.py" line="90"/>
        <location filename="../../ui/findings/findings_panel.py" line="91"/>
        <source>Search findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_panel.py" line="97"/>
        <location filename="../../ui/main_window.py" line="117"/>
        <location filename="../../ui/tree/unit_tree_model.py" line="212"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_panel.py" line="130"/>
        <source>Filter by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings/findings_panel.py" line="131"/>
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
        <location filename="../../ui/main_window.py" line="90"/>
        <source>Source of the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="33"/>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="37"/>
        <source>Election:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="38"/>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="38"/>
        <source>Project file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="39"/>
        <source>Made from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="40"/>
        <source>Its content hash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="42"/>
        <source>Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="43"/>
        <source>the contract&apos;s fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="47"/>
        <source>Units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="48"/>
        <source>%1, of which %2 stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/properties_dialog.py" line="55"/>
        <source>Journal head:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <location filename="../../ui/tree/structure_actions.py" line="179"/>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="402"/>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/protocol_form.py" line="77"/>
        <source>Protocol of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/protocol_form.py" line="148"/>
        <source>Protocol of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="180"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="259"/>
        <source>cannot be computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="268"/>
        <source>Reported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="269"/>
        <source>Expected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="276"/>
        <source>Not reported; shown as the sum of the votes (derived, never saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="278"/>
        <source>Not reported (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="295"/>
        <source>Entry of %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_view.py" line="38"/>
        <source>Results of the selected unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_view.py" line="121"/>
        <source>Deletion of %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_view.py" line="149"/>
        <source>Nothing was pasted: %1 values refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_view.py" line="153"/>
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
        <location filename="../../ui/tree/unit_tree_model.py" line="204"/>
        <source>Renaming of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/unit_tree_model.py" line="278"/>
        <source>%1: nothing reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/unit_tree_model.py" line="279"/>
        <source>%1 (%2): %3 errors, %4 warnings, %5 notes here and below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="46"/>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="47"/>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="48"/>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="49"/>
        <location filename="../../ui/workers.py" line="77"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workers.py" line="79"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/add_units_dialog.py" line="31"/>
        <source>Add units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/add_units_dialog.py" line="49"/>
        <source>%1 (%2) gets units of level %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/add_units_dialog.py" line="53"/>
        <source>&amp;How many:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/add_units_dialog.py" line="54"/>
        <source>&amp;Ids (# is the number):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/add_units_dialog.py" line="55"/>
        <source>&amp;Names (# is the number):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/add_units_dialog.py" line="56"/>
        <source>&amp;First number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/add_units_dialog.py" line="85"/>
        <location filename="../../ui/tree/structure_actions.py" line="92"/>
        <source>A unit of this level has no level below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/add_units_dialog.py" line="87"/>
        <source>Put # in the ids, so that each unit gets its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/add_units_dialog.py" line="103"/>
        <source>%1 units: %2 (%3 … %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="43"/>
        <source>&amp;Create the units that do not exist yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="123"/>
        <source>Rows name units that do not exist: tick “Create the units” to add them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="138"/>
        <source>%1 units will be created under %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/mapping_page.py" line="66"/>
        <source>parent_name (the parent&apos;s name, on the level above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="45"/>
        <source>&amp;Add units…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="46"/>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="48"/>
        <source>Change &amp;id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="50"/>
        <source>Cu&amp;t unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="51"/>
        <source>&amp;Paste here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="53"/>
        <source>&amp;Delete unit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="99"/>
        <source>Adding of %1 units under %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="121"/>
        <source>Change id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="122"/>
        <source>New id of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="129"/>
        <source>New id for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="143"/>
        <source>%1 cut: choose where it goes and paste (Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="157"/>
        <location filename="../../ui/tree/unit_tree_model.py" line="190"/>
        <source>Move of %1 under %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="181"/>
        <source>Paste of %1 units under %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="191"/>
        <source>Not changed: the root unit cannot be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="197"/>
        <source>Delete unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="198"/>
        <source>Delete %1 and everything below it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="203"/>
        <source>%1 units and %2 figures go. Undo (Ctrl+Z) brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="205"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/structure_actions.py" line="212"/>
        <source>Deletion of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="70"/>
        <source>Merge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="80"/>
        <source>Their units under other ids, with the same name and parent as ours: Space marks a pair as the same unit (its figures then meet ours).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="96"/>
        <source>Conflicts: select rows, then Take mine (Alt+M) or Take theirs (Alt+T); or type a value (F2) for one row; or decide every row at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="105"/>
        <source>Take mine (Alt+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="106"/>
        <source>Take theirs (Alt+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="107"/>
        <source>Type a value (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="109"/>
        <source>All mine (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="112"/>
        <source>All theirs (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="137"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="245"/>
        <source>%1 into %2: %3 figures added, %4 units added, %5 notes added, %6 figures equal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="258"/>
        <source>%1 of %2 conflicts decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/integer_plot.py" line="34"/>
        <source>Percentage shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/integer_plot.py" line="35"/>
        <source>Turnout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/integer_plot.py" line="36"/>
        <source>Leader&apos;s share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/integer_plot.py" line="48"/>
        <source>percentage (0.1-point bins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/integer_plot.py" line="49"/>
        <source>stations per bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/integer_plot.py" line="70"/>
        <source>No stations to count here: the screen counts stations with at least 100 registered voters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/integer_plot.py" line="86"/>
        <source>%1: %2 stations. Grey: the band chance gives (each station&apos;s own binomial, ± 2 sd). Orange dots: whole percents above the band. Observed minus chance at whole percents: %3. A peak is a question to ask, not proof.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_dock.py" line="28"/>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="24"/>
        <source>Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="26"/>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="27"/>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="28"/>
        <source>Chance gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="29"/>
        <source>p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="30"/>
        <source>Adjusted p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="31"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="36"/>
        <location filename="../../ui/signals/signals_panel.py" line="90"/>
        <source>Integer percentages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="37"/>
        <source>Peer outliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="38"/>
        <source>Twin protocols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="39"/>
        <source>Observed against unobserved stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="40"/>
        <source>Turnout × leader&apos;s share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="41"/>
        <source>Last digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="42"/>
        <source>Second digits (Benford)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="102"/>
        <source>not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="116"/>
        <source>no gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="119"/>
        <source>signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_model.py" line="119"/>
        <source>no signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="66"/>
        <source>Signals are questions to ask, not proof.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="68"/>
        <location filename="../../ui/signals/signals_panel.py" line="117"/>
        <source>Screening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="71"/>
        <source>Run the screens again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="77"/>
        <source>Statistical screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="87"/>
        <source>Screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="90"/>
        <source>Turnout × share (voters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="90"/>
        <source>Peer z-scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="150"/>
        <source>The screens failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="156"/>
        <source>No screen could run: they need station-level figures, and this election has %1 stations. See the table for what each one needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="161"/>
        <source>%1 signals from %2 tests (Benjamini-Hochberg, false discovery rate %3, across every screen and region).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/voter_map.py" line="39"/>
        <source>turnout (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/voter_map.py" line="40"/>
        <source>leader&apos;s share (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/voter_map.py" line="58"/>
        <source>No station reports turnout and the leader&apos;s share here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/voter_map.py" line="67"/>
        <source>%1: %2 stations, coloured by registered voters (log scale); leader: %3. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/zscore_plot.py" line="54"/>
        <source>turnout: robust z among the territory&apos;s stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/zscore_plot.py" line="55"/>
        <source>leader&apos;s share: robust z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/zscore_plot.py" line="70"/>
        <source>No territory here has the 30 stations a z-score needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/zscore_plot.py" line="83"/>
        <source>%1: %2 stations scored, %3 beyond ±3.5 (grey), %4 named in a signal (orange).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/zscore_plot.py" line="90"/>
        <source>%1 stations within ±2 are not drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/zscore_plot.py" line="91"/>
        <source>An outlier is a station to look at, not proof.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="30"/>
        <source>Check and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="31"/>
        <source>Nothing changes until you press Finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="33"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="34"/>
        <source>official</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="34"/>
        <source>observer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="37"/>
        <source>Match names under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="38"/>
        <source>Accept thousands separators (1 234 567, 1,234,567)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="39"/>
        <source>Accept % after percentages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="40"/>
        <source>Leave out rows that match no unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="41"/>
        <source>Keep rows that look like totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="42"/>
        <source>Empty cells clear existing figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="61"/>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="62"/>
        <source>Match names under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="73"/>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="86"/>
        <source>(any unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="113"/>
        <source>Read as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="115"/>
        <source>Row %1 left out as a total row: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="119"/>
        <source>Rows left out, matching no unit: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="129"/>
        <source>%1 problems: fix the file or the choices above, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="132"/>
        <source>The file changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/check_page.py" line="141"/>
        <source>%1 cells will change in %2 units (%3 rows read).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="30"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="31"/>
        <source>A CSV (comma, semicolon or tab), XLSX or ODS table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="33"/>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="34"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="37"/>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="38"/>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="46"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="47"/>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="56"/>
        <source>Import a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="56"/>
        <source>Tables (*.csv *.txt *.xlsx *.ods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="70"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="79"/>
        <source>sheet “%1” of a workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="82"/>
        <source>Read as %1: %2 columns, %3 rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="43"/>
        <source>Import a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="107"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="130"/>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="139"/>
        <source>The check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/dialogs/importing/mapping_page.py" line="30"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/mapping_page.py" line="31"/>
        <source>Choose what each column holds; columns left out are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/mapping_page.py" line="34"/>
        <source>Column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/mapping_page.py" line="36"/>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/mapping_page.py" line="36"/>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/mapping_page.py" line="36"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/mapping_page.py" line="56"/>
        <source>Field for column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/mapping_page.py" line="57"/>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewElectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="98"/>
        <source>New election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="104"/>
        <source>Kazakhstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="119"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="120"/>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="121"/>
        <source>Nation unit id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="122"/>
        <source>Nation unit name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="123"/>
        <source>Decimals of published percentages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="135"/>
        <source>Levels, from the nation down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="149"/>
        <source>Levels (from the nation down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="157"/>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="178"/>
        <source>Contestants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="160"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="161"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="162"/>
        <source>Ballot order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="163"/>
        <source>Registration order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="185"/>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="190"/>
        <source>Largest remainder (Hare quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="191"/>
        <source>D&apos;Hondt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="192"/>
        <source>Sainte-Laguë</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="200"/>
        <source>valid ballots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="200"/>
        <source>ballots cast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="204"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="208"/>
        <source>Total seats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="209"/>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="210"/>
        <source>Threshold, %:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="211"/>
        <source>Threshold base:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="212"/>
        <source>Seats for the runner-up at least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="277"/>
        <source>level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="362"/>
        <source>Give the election a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="365"/>
        <source>Add at least one level (the nation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="367"/>
        <source>A level has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="369"/>
        <source>Two levels have the same name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="371"/>
        <source>Give the nation unit an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="374"/>
        <source>Seats: the total must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="390"/>
        <source>Contestant %1 has no code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="392"/>
        <source>Contestant %1: the code %2 may hold only letters, digits, _ and -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="395"/>
        <source>The code %1 appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="400"/>
        <source>ballot order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="401"/>
        <source>registration order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="404"/>
        <source>Contestant %1: the %2 must be a whole number from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="407"/>
        <source>Contestant %1: the %2 %3 is taken by another contestant.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="96"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="97"/>
        <source>The first rows of the file, as they were read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/file_page.py" line="100"/>
        <source>Preview of the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/dialogs/importing/models.py" line="58"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/models.py" line="58"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/models.py" line="58"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/importing/models.py" line="58"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
