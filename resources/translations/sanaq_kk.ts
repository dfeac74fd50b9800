<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name></name>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="61"/>
        <source>&amp;New election…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="63"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="66"/>
        <source>Open &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="68"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="71"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="73"/>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="76"/>
        <source>&amp;Export audited workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="78"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="80"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>&amp;Protocol form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="111"/>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="112"/>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="117"/>
        <location filename="../../ui/findings/findings_model.py" line="60"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="122"/>
        <source>Open package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="145"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="147"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="154"/>
        <source>Sanaq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="154"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="170"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="170"/>
        <source>Sanaq project (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="191"/>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="196"/>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="211"/>
        <source>new election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="223"/>
        <source>Export audited workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="223"/>
        <source>Workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="265"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="270"/>
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
        <location filename="../../ui/findings/findings_model.py" line="49"/>
        <location filename="../../ui/signals/signals_model.py" line="25"/>
        <location filename="../../ui/tree/unit_tree_model.py" line="134"/>
        <source>Unit</source>
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
        <location filename="../../ui/main_window.py" line="110"/>
        <location filename="../../ui/tree/unit_tree_model.py" line="134"/>
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
        <location filename="../../ui/main_window.py" line="67"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>Source of the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
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
        <location filename="../../ui/table/results_model.py" line="167"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="242"/>
        <source>cannot be computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="251"/>
        <source>Reported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="252"/>
        <source>Expected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="259"/>
        <source>Not reported; shown as the sum of the votes (derived, never saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="261"/>
        <source>Not reported (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_model.py" line="278"/>
        <source>Entry of %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_view.py" line="38"/>
        <source>Results of the selected unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_view.py" line="96"/>
        <source>Deletion of %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_view.py" line="124"/>
        <source>Nothing was pasted: %1 values refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/table/results_view.py" line="128"/>
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
        <location filename="../../ui/tree/unit_tree_model.py" line="177"/>
        <source>%1: nothing reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tree/unit_tree_model.py" line="178"/>
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
        <location filename="../../ui/signals/signals_panel.py" line="89"/>
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
        <location filename="../../ui/signals/signals_panel.py" line="65"/>
        <source>Signals are questions to ask, not proof.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="67"/>
        <location filename="../../ui/signals/signals_panel.py" line="116"/>
        <source>Screening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="70"/>
        <source>Run the screens again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="76"/>
        <source>Statistical screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="86"/>
        <source>Screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="89"/>
        <source>Turnout × share (voters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="89"/>
        <source>Peer z-scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="145"/>
        <source>The screens failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="151"/>
        <source>No screen could run: they need station-level figures, and this election has %1 stations. See the table for what each one needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signals/signals_panel.py" line="156"/>
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
        <location filename="../../ui/dialogs/import_dialog.py" line="290"/>
        <source>Check and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="291"/>
        <source>Nothing changes until you press Finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="293"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="294"/>
        <source>official</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="294"/>
        <source>observer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="297"/>
        <source>Match names under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="298"/>
        <source>Accept thousands separators (1 234 567, 1,234,567)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="299"/>
        <source>Accept % after percentages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="300"/>
        <source>Leave out rows that match no unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="301"/>
        <source>Keep rows that look like totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="302"/>
        <source>Empty cells clear existing figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="312"/>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="313"/>
        <source>Match names under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="323"/>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="336"/>
        <source>(any unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="362"/>
        <source>Read as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="364"/>
        <source>Row %1 left out as a total row: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="368"/>
        <source>Rows left out, matching no unit: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="372"/>
        <source>%1 problems: fix the file or the choices above, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="375"/>
        <source>The file changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="377"/>
        <source>%1 cells will change in %2 units (%3 rows read).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="149"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="150"/>
        <source>A CSV (comma, semicolon or tab), XLSX or ODS table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="152"/>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="153"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="156"/>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="157"/>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="165"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="166"/>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="175"/>
        <source>Import a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="175"/>
        <source>Tables (*.csv *.txt *.xlsx *.ods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="189"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="198"/>
        <source>sheet “%1” of a workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="201"/>
        <source>Read as %1: %2 columns, %3 rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="403"/>
        <source>Import a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="458"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="481"/>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="490"/>
        <source>The check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="230"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="231"/>
        <source>Choose what each column holds; columns left out are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="233"/>
        <source>Column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="235"/>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="235"/>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="235"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="255"/>
        <source>Field for column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="256"/>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewElectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="54"/>
        <source>New election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="60"/>
        <source>Kazakhstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="64"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="65"/>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="66"/>
        <source>Nation unit id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="67"/>
        <source>Nation unit name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="68"/>
        <source>Decimals of published percentages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="75"/>
        <source>Levels, from the nation down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="79"/>
        <source>Levels (from the nation down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="87"/>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="103"/>
        <source>Contestants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="90"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="91"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="92"/>
        <source>Ballot order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="93"/>
        <source>Registration order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="110"/>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="115"/>
        <source>Largest remainder (Hare quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="116"/>
        <source>D&apos;Hondt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="117"/>
        <source>Sainte-Laguë</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="125"/>
        <source>valid ballots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="125"/>
        <source>ballots cast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="129"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="133"/>
        <source>Total seats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="134"/>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="135"/>
        <source>Threshold, %:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="136"/>
        <source>Threshold base:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="137"/>
        <source>Seats for the runner-up at least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="173"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="174"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="193"/>
        <source>level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="275"/>
        <source>Give the election a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="278"/>
        <source>Add at least one level (the nation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="280"/>
        <source>A level has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="282"/>
        <source>Two levels have the same name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="284"/>
        <source>Give the nation unit an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="287"/>
        <source>Seats: the total must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="302"/>
        <source>Contestant %1 has no code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="304"/>
        <source>Contestant %1: the code %2 may hold only letters, digits, _ and -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="307"/>
        <source>The code %1 appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="312"/>
        <source>ballot order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="313"/>
        <source>registration order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="316"/>
        <source>Contestant %1: the %2 must be a whole number from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_election_dialog.py" line="319"/>
        <source>Contestant %1: the %2 %3 is taken by another contestant.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="215"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="216"/>
        <source>The first rows of the file, as they were read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="218"/>
        <source>Preview of the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="106"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="106"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="106"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="106"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
