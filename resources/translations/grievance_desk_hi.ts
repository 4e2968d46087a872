<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../grievance_desk/ui/case_pages.py" line="+112"/>
        <source>Loading cases…</source>
        <translation>मामले लोड हो रहे हैं…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Counting matches…</source>
        <translation>मिलान गिने जा रहे हैं…</translation>
    </message>
</context>
</TS>
