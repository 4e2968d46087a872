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
    <message>
        <location filename="../../grievance_desk/ui/case_form.py" line="+139"/>
        <source>Reply language</source>
        <translation>उत्तर की भाषा</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reply &amp;language:</source>
        <translation>उत्तर की भाषा (&amp;L):</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>{language} — proposed from the requester&apos;s text</source>
        <translation>{language} — अनुरोधकर्ता के पाठ से प्रस्तावित</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Proposed from the script of the requester&apos;s own text: choose a language to confirm it or change it</source>
        <translation>अनुरोधकर्ता के अपने पाठ की लिपि से प्रस्तावित: पुष्टि करने या बदलने के लिए कोई भाषा चुनें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language this case&apos;s letters are written in</source>
        <translation>वह भाषा जिसमें इस मामले के पत्र लिखे जाते हैं</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letter_language_picker.py" line="+34"/>
        <source>Letter language</source>
        <translation>पत्र की भाषा</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The case&apos;s reply language comes first (set it in the case form)</source>
        <translation>मामले की उत्तर की भाषा पहले आती है (इसे मामले के फ़ॉर्म में चुनें)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter language note</source>
        <translation>पत्र की भाषा पर टिप्पणी</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>English only</source>
        <translation>केवल अंग्रेज़ी</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no {language} template for this letter; it will be drafted in English.</source>
        <translation>इस पत्र का {language} टेम्पलेट नहीं है; यह अंग्रेज़ी में तैयार किया जाएगा।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The case&apos;s reply language is {reply}; this letter will be in {language}.</source>
        <translation>मामले की उत्तर की भाषा {reply} है; यह पत्र {language} में होगा।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The letter will be in {language}.</source>
        <translation>पत्र {language} में होगा।</translation>
    </message>
</context>
</TS>
