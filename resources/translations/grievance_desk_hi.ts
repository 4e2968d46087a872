<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../grievance_desk/ui/case_pages.py" line="+106"/>
        <source>Loading cases…</source>
        <translation>मामले लोड हो रहे हैं…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Counting matches…</source>
        <translation>मिलान गिने जा रहे हैं…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_form.py" line="+85"/>
        <source>Kind of case</source>
        <translation>मामले का प्रकार</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received by</source>
        <translation>प्राप्ति का माध्यम</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received at</source>
        <translation>प्राप्ति का समय</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identity check</source>
        <translation>पहचान की जाँच</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deadline policy</source>
        <translation>समय-सीमा नीति</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data categories concerned</source>
        <translation>संबंधित डेटा श्रेणियाँ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data category: {name}</source>
        <translation>डेटा श्रेणी: {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags</source>
        <translation>टैग</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. escalated; media  (separate with ; or ,)</source>
        <translation>जैसे escalated; media  (; या , से अलग करें)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requester&apos;s name</source>
        <translation>अनुरोधकर्ता का नाम</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requester&apos;s e-mail</source>
        <translation>अनुरोधकर्ता का ई-मेल</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requester&apos;s phone</source>
        <translation>अनुरोधकर्ता का फ़ोन</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requester&apos;s postal address</source>
        <translation>अनुरोधकर्ता का डाक पता</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship to us</source>
        <translation>हमसे संबंध</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requester&apos;s account or organisation</source>
        <translation>अनुरोधकर्ता का खाता या संगठन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Represented by</source>
        <translation>प्रतिनिधि</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Representative&apos;s name</source>
        <translation>प्रतिनिधि का नाम</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reply language</source>
        <translation>उत्तर की भाषा</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Request</source>
        <translation>अनुरोध</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kind:</source>
        <translation>प्रकार (&amp;K):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>अनुरोध प्रकार (&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received &amp;by:</source>
        <translation>प्राप्ति का माध्यम (&amp;B):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received &amp;at:</source>
        <translation>प्राप्ति का समय (&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priorit&amp;y:</source>
        <translation>प्राथमिकता (&amp;Y):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity check:</source>
        <translation>पहचान की जाँच:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Policy:</source>
        <translation>नीति (&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>विवरण (&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data cate&amp;gories:</source>
        <translation>डेटा श्रेणियाँ (&amp;G):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs:</source>
        <translation>टैग (&amp;G):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>P&amp;hone:</source>
        <translation>फ़ोन (&amp;H):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add&amp;ress:</source>
        <translation>पता (&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply &amp;language:</source>
        <translation>उत्तर की भाषा (&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relationship:</source>
        <translation>संबंध:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account / org.:</source>
        <translation>खाता / संगठन:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Represented by:</source>
        <translation>प्रतिनिधि:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Representative:</source>
        <translation>प्रतिनिधि का नाम:</translation>
    </message>
    <message>
        <location line="+111"/>
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
        <location filename="../../grievance_desk/ui/template_editor.py" line="+117"/>
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
        <location line="+54"/>
        <source>The letter will be in {language}.</source>
        <translation>पत्र {language} में होगा।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/about_dialog.py" line="+43"/>
        <source>About {name}</source>
        <translation>{name} के बारे में</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;h2&gt;{name} {version}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;{name} {version}&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register:</source>
        <translation>रजिस्टर:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not open</source>
        <translation>खुला नहीं है</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log folder:</source>
        <translation>लॉग फ़ोल्डर:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Licence:</source>
        <translation>लाइसेंस:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{licence}. Free software: you may share and change it under the GNU GPL version 3 or later. It comes with no warranty.</source>
        <translation>{licence}। मुक्त सॉफ़्टवेयर: आप इसे GNU GPL संस्करण 3 या उसके बाद के संस्करण के अधीन साझा कर सकते हैं और इसमें परिवर्तन कर सकते हैं। इसके साथ कोई वारंटी नहीं है।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Privacy:</source>
        <translation>गोपनीयता:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Works offline. It opens no network connection: no updates, no telemetry.</source>
        <translation>ऑफ़लाइन काम करता है। यह कोई नेटवर्क कनेक्शन नहीं खोलता: न अपडेट, न टेलीमेट्री।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About</source>
        <translation>परिचय</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Third-party notices</source>
        <translation>तृतीय-पक्ष सूचनाएँ</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/backup_settings_box.py" line="+39"/>
        <source>Backups</source>
        <translation>बैकअप</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+71"/>
        <source>Backup folder</source>
        <translation>बैकअप फ़ोल्डर</translation>
    </message>
    <message>
        <location line="-70"/>
        <location filename="../../grievance_desk/ui/export_dialog.py" line="+79"/>
        <location filename="../../grievance_desk/ui/import_dialog.py" line="+77"/>
        <location filename="../../grievance_desk/ui/settings_page.py" line="+92"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+157"/>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A folder on another disk or a USB drive survives a disk failure.</source>
        <translation>किसी दूसरी डिस्क या USB ड्राइव पर रखा फ़ोल्डर डिस्क ख़राब होने पर भी सुरक्षित रहता है।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> copies</source>
        <translation> प्रतियाँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups to keep</source>
        <translation>रखे जाने वाले बैकअप</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up now</source>
        <translation>अभी बैकअप लें</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An encrypted copy is taken when you lock or close the app, at most once a day. Each copy opens with your passphrase or recovery key.</source>
        <translation>ऐप लॉक या बंद करने पर एक एन्क्रिप्टेड प्रति ली जाती है, दिन में अधिकतम एक बार। प्रत्येक प्रति आपके पासफ़्रेज़ या रिकवरी कुंजी से खुलती है।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder:</source>
        <translation>फ़ोल्डर:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the newest:</source>
        <translation>नवीनतम रखें:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backups could not be listed: {error}</source>
        <translation>बैकअप की सूची नहीं बन सकी: {error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No automatic backup in this folder yet.</source>
        <translation>इस फ़ोल्डर में अभी तक कोई स्वचालित बैकअप नहीं है।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Latest: {when} ({size:,.1f} MB).</source>
        <translation>नवीनतम: {when} ({size:,.1f} MB)।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} copy kept here.</source>
        <translation>यहाँ {count} प्रति रखी गई है।</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} copies kept here.</source>
        <translation>यहाँ {count} प्रतियाँ रखी गई हैं।</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup folder not changed</source>
        <translation>बैकअप फ़ोल्डर नहीं बदला गया</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="+608"/>
        <location filename="../../grievance_desk/ui/settings_page.py" line="+307"/>
        <source>Not changed</source>
        <translation>नहीं बदला गया</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Backup failed</source>
        <translation>बैकअप विफल रहा</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../grievance_desk/ui/workspace.py" line="+372"/>
        <source>Backing up…</source>
        <translation>बैकअप लिया जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/charts.py" line="+134"/>
        <source>{label}: {text} — click to see the cases</source>
        <translation>{label}: {text} — मामले देखने के लिए क्लिक करें</translation>
    </message>
    <message>
        <location line="+66"/>
        <location filename="../../grievance_desk/ui/reports_page.py" line="+346"/>
        <source>Twelve-month trend</source>
        <translation>बारह माह की प्रवृत्ति</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{month}: {received} received, {closed} closed</source>
        <translation>{month}: {received} प्राप्त, {closed} बंद</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, {percent}% on time</source>
        <translation>, {percent}% समय पर</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/cases_table_model.py" line="+48"/>
        <source>Reference</source>
        <extracomment>The roles ``data`` answers; every other role is None without touching the rows.</extracomment>
        <translation>संदर्भ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/charts.py" line="+58"/>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+15"/>
        <source>Received</source>
        <translation>प्राप्त</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_form.py" line="-137"/>
        <location filename="../../grievance_desk/ui/cases_table_model.py" line="+1"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="+141"/>
        <source>Requester</source>
        <translation>अनुरोधकर्ता</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/cases_table_model.py" line="+3"/>
        <source>Next deadline</source>
        <translation>अगली समय-सीमा</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="+0"/>
        <location line="+3"/>
        <source>Days left</source>
        <translation>शेष दिन</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_form.py" line="-67"/>
        <location filename="../../grievance_desk/ui/cases_table_model.py" line="+4"/>
        <source>Priority</source>
        <translation>प्राथमिकता</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="+150"/>
        <source>Acknowledge</source>
        <extracomment>The workflow&apos;s steps (domain/workflow.py ACTION_LABELS), the case file&apos;s buttons.</extracomment>
        <translation>पावती दें</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/cases_table_model.py" line="+42"/>
        <source>{days} overdue</source>
        <extracomment>One row as the list paints it: the column texts, then the deadline colour.</extracomment>
        <translation>{days} विलंबित</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>today</source>
        <translation>आज</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>{deadline} by {date}</source>
        <extracomment>True while the count stopped at SEARCH_COUNT_CAP: rowCount is the cap, and fetchMore (the view scrolled to the end) asks for the exact count.</extracomment>
        <translation>{deadline}: {date} तक</translation>
    </message>
    <message>
        <location line="-144"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="-3"/>
        <source>Due</source>
        <translation>देय</translation>
    </message>
    <message>
        <location line="-5"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="-26"/>
        <source>Acknowledge</source>
        <comment>deadline</comment>
        <translation>पावती</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="+1"/>
        <source>Respond</source>
        <comment>deadline</comment>
        <translation>उत्तर</translation>
    </message>
    <message>
        <location line="-10"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="+1"/>
        <source>Extension notice</source>
        <comment>deadline</comment>
        <translation>विस्तार की सूचना</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Respond (extended)</source>
        <comment>deadline</comment>
        <translation>उत्तर (विस्तारित)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ack.</source>
        <comment>deadline</comment>
        <translation>पावती</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ext. notice</source>
        <comment>deadline</comment>
        <translation>विस्तार सूचना</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Respond (ext.)</source>
        <comment>deadline</comment>
        <translation>उत्तर (विस्तारित)</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>{column}: {value}</source>
        <translation>{column}: {value}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>default</source>
        <translation>डिफ़ॉल्ट</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/charts.py" line="+1"/>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="-38"/>
        <location line="+55"/>
        <source>Closed</source>
        <translation>बंद</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time %</source>
        <translation>समय पर %</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>{month}: {count} received — click to see the cases</source>
        <translation>{month}: {count} प्राप्त — मामले देखने के लिए क्लिक करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{month}: {count} closed — click to see the cases</source>
        <translation>{month}: {count} बंद — मामले देखने के लिए क्लिक करें</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/export_dialog.py" line="-45"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel वर्कबुक (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV, UTF-8 (.csv)</source>
        <translation>CSV, UTF-8 (.csv)</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+93"/>
        <source>Export cases</source>
        <translation>मामले निर्यात करें</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>File format</source>
        <translation>फ़ाइल प्रारूप</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export to file</source>
        <translation>फ़ाइल में निर्यात करें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose where to save</source>
        <translation>सहेजने का स्थान चुनें</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;{not_encrypted}&lt;/b&gt;&lt;br&gt;It holds names, contact details and descriptions. Save it on an encrypted disk and share it only with people entitled to see it.</source>
        <translation>&lt;b&gt;{not_encrypted}&lt;/b&gt;&lt;br&gt;इसमें नाम, संपर्क विवरण और विवरण हैं। इसे एन्क्रिप्टेड डिस्क पर सहेजें और केवल उन्हीं व्यक्तियों से साझा करें जिन्हें इसे देखने का अधिकार है।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The exported file is NOT encrypted. Keep it safe and delete it when done.</source>
        <translation>निर्यात की गई फ़ाइल एन्क्रिप्टेड नहीं है। इसे सुरक्षित रखें और काम पूरा होने पर हटा दें।</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../grievance_desk/ui/reports_page.py" line="+277"/>
        <source>Export</source>
        <translation>निर्यात करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing to export</source>
        <translation>निर्यात के लिए कुछ नहीं</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../grievance_desk/ui/import_dialog.py" line="+46"/>
        <location filename="../../grievance_desk/ui/letters/new_letter_dialog.py" line="+139"/>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="-438"/>
        <location filename="../../grievance_desk/ui/reports_page.py" line="-329"/>
        <location line="+330"/>
        <location filename="../../grievance_desk/ui/settings_page.py" line="-231"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+429"/>
        <location filename="../../grievance_desk/ui/widgets.py" line="+124"/>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cases:</source>
        <translation>मामले:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>प्रारूप (&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to:</source>
        <translation>यहाँ सहेजें:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel वर्कबुक (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose where to save the file.</source>
        <translation>फ़ाइल सहेजने का स्थान चुनें।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder {parent} does not exist. Choose another one.</source>
        <translation>फ़ोल्डर {parent} मौजूद नहीं है। कोई दूसरा फ़ोल्डर चुनें।</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exporting to {name}…</source>
        <translation>{name} में निर्यात हो रहा है…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not exported. {error}</source>
        <translation>निर्यात नहीं हुआ। {error}</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/import_dialog.py" line="-87"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;Excel workbook (*.xlsx);;CSV (*.csv);;Unicode Text (*.txt)</source>
        <translation>स्प्रेडशीट (*.xlsx *.csv *.txt);;Excel वर्कबुक (*.xlsx);;CSV (*.csv);;यूनिकोड टेक्स्ट (*.txt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column</source>
        <translation>स्तंभ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>मान</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem and fix</source>
        <translation>समस्या और समाधान</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import a spreadsheet register</source>
        <translation>स्प्रेडशीट रजिस्टर आयात करें</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bring cases in from an Excel workbook (.xlsx) or a CSV file. Every row is checked first; nothing is saved until you choose to import.</source>
        <translation>Excel वर्कबुक (.xlsx) या CSV फ़ाइल से मामले लाएँ। पहले हर पंक्ति की जाँच होती है; जब तक आप आयात नहीं चुनते, कुछ भी सहेजा नहीं जाता।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spreadsheet file</source>
        <translation>स्प्रेडशीट फ़ाइल</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a .xlsx or .csv file…</source>
        <translation>.xlsx या .csv फ़ाइल चुनें…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the spreadsheet file</source>
        <translation>स्प्रेडशीट फ़ाइल चुनें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>जाँचें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the file</source>
        <translation>फ़ाइल की जाँच करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read every row and list the ones that cannot be imported</source>
        <translation>हर पंक्ति पढ़ें और उन पंक्तियों की सूची दें जिनका आयात नहीं हो सकता</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Progress</source>
        <translation>प्रगति</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rows that cannot be imported</source>
        <translation>वे पंक्तियाँ जिनका आयात नहीं हो सकता</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+60"/>
        <source>Import</source>
        <translation>आयात करें</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Import nothing</source>
        <translation>कुछ भी आयात न करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without importing</source>
        <translation>आयात किए बिना बंद करें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel the check or import</source>
        <translation>जाँच या आयात रद्द करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop now; nothing is saved</source>
        <translation>अभी रोकें; कुछ भी नहीं सहेजा जाएगा</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Import a register</source>
        <translation>रजिस्टर आयात करें</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+13"/>
        <source>Checking {name}…</source>
        <translation>{name} की जाँच हो रही है…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Check cancelled.</source>
        <translation>जाँच रद्द की गई।</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{name}: {count} row read.</source>
        <translation>{name}: {count} पंक्ति पढ़ी गई।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: {count} rows read.</source>
        <translation>{name}: {count} पंक्तियाँ पढ़ी गईं।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All {count} can be imported.</source>
        <translation>सभी {count} का आयात हो सकता है।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{good} can be imported; {bad} row cannot, listed below with the fix.</source>
        <translation>{good} का आयात हो सकता है; {bad} पंक्ति का नहीं, जो नीचे समाधान सहित दी गई है।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{good} can be imported; {bad} rows cannot, listed below with the fix.</source>
        <translation>{good} का आयात हो सकता है; {bad} पंक्तियों का नहीं, जो नीचे समाधान सहित दी गई हैं।</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import {count} good row</source>
        <translation>{count} सही पंक्ति आयात करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import {count} good rows</source>
        <translation>{count} सही पंक्तियाँ आयात करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import {count} case</source>
        <translation>{count} मामला आयात करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import {count} cases</source>
        <translation>{count} मामले आयात करें</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Import cancelled: nothing was saved.</source>
        <translation>आयात रद्द किया गया: कुछ भी नहीं सहेजा गया।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing {name}…</source>
        <translation>{name} आयात हो रहा है…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Imported {count} cases ({first} to {last}).</source>
        <translation>{count} मामले आयात किए गए ({first} से {last})।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported {count} case ({first}).</source>
        <translation>{count} मामला आयात किया गया ({first})।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported {count} cases ({first}).</source>
        <translation>{count} मामले आयात किए गए ({first})।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported {count} case.</source>
        <translation>{count} मामला आयात किया गया।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported {count} cases.</source>
        <translation>{count} मामले आयात किए गए।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} row with problems was not imported (below).</source>
        <translation>समस्या वाली {count} पंक्ति आयात नहीं की गई (नीचे देखें)।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} rows with problems were not imported (below).</source>
        <translation>समस्या वाली {count} पंक्तियाँ आयात नहीं की गईं (नीचे देखें)।</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>There are no cases in it below the header row.</source>
        <translation>इसमें शीर्ष पंक्ति के नीचे कोई मामला नहीं है।</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Correct them in the spreadsheet and check again, or import the good rows now and enter the others by hand.</source>
        <translation>स्प्रेडशीट में इन्हें ठीक करके फिर से जाँचें, या सही पंक्तियों का अभी आयात करें और शेष को हाथ से दर्ज करें।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ignored columns (not recognised): {columns}</source>
        <translation>छोड़े गए स्तंभ (पहचाने नहीं गए): {columns}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Nothing can be imported from this file.
{error}</source>
        <translation>इस फ़ाइल से कुछ भी आयात नहीं हो सकता।
{error}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Importing from {name}…</source>
        <translation>{name} से आयात हो रहा है…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Imported</source>
        <translation>आयात हो गया</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/about_dialog.py" line="+4"/>
        <location filename="../../grievance_desk/ui/import_dialog.py" line="+1"/>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="+99"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="+13"/>
        <location filename="../../grievance_desk/ui/widgets.py" line="+3"/>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/import_dialog.py" line="+34"/>
        <source>Nothing was imported: the register is as it was.
{error}</source>
        <translation>कुछ भी आयात नहीं हुआ: रजिस्टर पहले जैसा ही है।
{error}</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/language_box.py" line="+21"/>
        <location filename="../../grievance_desk/ui/letter_language_picker.py" line="-51"/>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letter_language_picker.py" line="+32"/>
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
        <location filename="../../grievance_desk/ui/language_box.py" line="+5"/>
        <source>The computer&apos;s language</source>
        <translation>कंप्यूटर की भाषा</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The window shows the language you choose from the next start.</source>
        <translation>आपके द्वारा चुनी गई भाषा अगली बार ऐप खोलने पर दिखेगी।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved. Close Grievance Desk and open it again to see the window in {name}.</source>
        <translation>सहेज लिया गया। विंडो {name} में देखने के लिए Grievance Desk बंद करके फिर से खोलें।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved. From the next start the window follows the computer&apos;s language.</source>
        <translation>सहेज लिया गया। अगली बार खोलने से विंडो कंप्यूटर की भाषा में दिखेगी।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/compose_email_button.py" line="+40"/>
        <source>Compose e-mail…</source>
        <translation>ई-मेल तैयार करें…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compose e-mail</source>
        <translation>ई-मेल तैयार करें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a draft in your mail client: to the requester, with the subject, a covering note and the letter&apos;s PDF attached. Nothing is sent from here.</source>
        <translation>आपके मेल क्लाइंट में एक ड्राफ़्ट खुलेगा: अनुरोधकर्ता के नाम, विषय, साथ की टिप्पणी और पत्र की PDF संलग्न सहित। यहाँ से कुछ भी भेजा नहीं जाता।</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+11"/>
        <source>No e-mail draft</source>
        <translation>ई-मेल ड्राफ़्ट नहीं बना</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Preparing the e-mail…</source>
        <translation>ई-मेल तैयार हो रहा है…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The draft could not be written ({error}).</source>
        <translation>ड्राफ़्ट लिखा नहीं जा सका ({error})।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your mail client shows a draft to {to_address} with {pdf_name} attached. Check it and send it from there.</source>
        <translation>आपका मेल क्लाइंट {to_address} के लिए ड्राफ़्ट दिखा रहा है, जिसमें {pdf_name} संलग्न है। इसे जाँचें और वहीं से भेजें।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your mail client shows a new message to {to_address}. A link cannot carry the PDF: attach it yourself (Save as PDF… writes {pdf_name}).</source>
        <translation>आपका मेल क्लाइंट {to_address} के लिए नया संदेश दिखा रहा है। लिंक के साथ PDF नहीं जा सकती: इसे स्वयं संलग्न करें (&quot;PDF के रूप में सहेजें…&quot; से {pdf_name} बनती है)।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No mail client</source>
        <translation>कोई मेल क्लाइंट नहीं</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No program on this computer opens e-mail drafts. Save the letter as PDF and attach it to a message to {to_address} in your mail program.</source>
        <translation>इस कंप्यूटर पर कोई प्रोग्राम ई-मेल ड्राफ़्ट नहीं खोलता। पत्र को PDF के रूप में सहेजें और अपने मेल प्रोग्राम में {to_address} को भेजे जाने वाले संदेश में संलग्न करें।</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Was the e-mail sent?</source>
        <translation>क्या ई-मेल भेज दिया गया?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Once you have sent it, record it here: the case&apos;s correspondence then shows the letter went out by e-mail, and when.</source>
        <translation>भेजने के बाद इसे यहाँ दर्ज करें: तब मामले के पत्राचार में दिखेगा कि पत्र ई-मेल से कब भेजा गया।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record as sent</source>
        <translation>भेजा गया दर्ज करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent</source>
        <translation>नहीं भेजा गया</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recorded: letter e-mailed to {to_address}.</source>
        <translation>दर्ज किया गया: पत्र {to_address} को ई-मेल किया गया।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/workflow.py" line="+200"/>
        <location filename="../../grievance_desk/ui/letters/compose_email_button.py" line="+11"/>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+30"/>
        <source>Not recorded</source>
        <translation>दर्ज नहीं हुआ</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/compose_email_button.py" line="+2"/>
        <source>Recording the e-mail…</source>
        <translation>ई-मेल दर्ज हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/discard_button.py" line="+25"/>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/widgets.py" line="-1"/>
        <source>Discard</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete this draft</source>
        <translation>यह ड्राफ़्ट हटाएँ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Discard this draft?</source>
        <translation>यह ड्राफ़्ट हटाएँ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The draft “{subject}” will be deleted.</source>
        <translation>ड्राफ़्ट “{subject}” हटा दिया जाएगा।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the draft</source>
        <translation>ड्राफ़्ट हटाएँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the draft</source>
        <translation>ड्राफ़्ट रहने दें</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not discarded</source>
        <translation>नहीं हटाया गया</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/correspondence_dialog.py" line="+47"/>
        <source>Record correspondence — {reference}</source>
        <translation>पत्राचार दर्ज करें — {reference}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Received from the requester</source>
        <translation>अनुरोधकर्ता से प्राप्त (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sent to the requester</source>
        <translation>अनुरोधकर्ता को भेजा गया (&amp;S)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Date and time of the message</source>
        <translation>संदेश की तिथि और समय</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your time zone: {zone}</source>
        <translation>आपका समय क्षेत्र: {zone}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who it was from or to, e.g. the requester&apos;s e-mail</source>
        <translation>किससे प्राप्त या किसे भेजा गया, जैसे अनुरोधकर्ता का ई-मेल</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counterpart</source>
        <translation>दूसरा पक्ष</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../grievance_desk/ui/letters/editor.py" line="+40"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="-156"/>
        <location line="+76"/>
        <source>Subject</source>
        <translation>विषय</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the message said, or a note of the call</source>
        <translation>संदेश में क्या कहा गया, या कॉल का नोट</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text of the message</source>
        <translation>संदेश का पाठ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record</source>
        <translation>दर्ज करें</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Direction:</source>
        <translation>दिशा:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>माध्यम (&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When:</source>
        <translation>कब (&amp;W):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From / to:</source>
        <translation>प्रेषक / प्राप्तकर्ता (&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ubject:</source>
        <translation>विषय (&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text:</source>
        <translation>पाठ (&amp;T):</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The message cannot be dated in the future; check the date and time.</source>
        <translation>संदेश की तिथि भविष्य की नहीं हो सकती; तिथि और समय जाँचें।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The case was received on {when}; a message about it cannot be earlier. Check the date.</source>
        <translation>मामला {when} को प्राप्त हुआ था; इसके बारे में कोई संदेश उससे पहले का नहीं हो सकता। तिथि जाँचें।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the message a subject or some text, so the timeline says what it was.</source>
        <translation>संदेश को कोई विषय या कुछ पाठ दें, ताकि समयरेखा में दिखे कि वह क्या था।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/editor.py" line="+2"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="-75"/>
        <location line="+77"/>
        <source>Salutation</source>
        <translation>संबोधन</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="-76"/>
        <location line="+78"/>
        <source>Body</source>
        <translation>मुख्य पाठ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paragraphs are separated by a blank line; &apos;- &apos; starts a bullet; **bold**, *italic*.</source>
        <translation>अनुच्छेदों के बीच एक ख़ाली पंक्ति छोड़ें; &apos;- &apos; से बुलेट शुरू होता है; **मोटा**, *तिरछा*।</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="-77"/>
        <location line="+81"/>
        <source>Closing</source>
        <translation>समापन</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save draft</source>
        <translation>ड्राफ़्ट सहेजें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save your edits and refresh the preview</source>
        <translation>अपने संपादन सहेजें और पूर्वावलोकन ताज़ा करें</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/details_tab.py" line="+27"/>
        <source>Save changes</source>
        <translation>परिवर्तन सहेजें</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../grievance_desk/ui/letters/editor.py" line="+3"/>
        <source>Revert</source>
        <translation>पूर्ववत करें</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../grievance_desk/ui/case_form.py" line="-45"/>
        <source>Default for the request type</source>
        <translation>अनुरोध प्रकार के लिए डिफ़ॉल्ट</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fix the fields marked in red to save.</source>
        <translation>सहेजने के लिए लाल रंग से चिह्नित फ़ील्ड ठीक करें।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved changes.</source>
        <translation>बिना सहेजे परिवर्तन।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/editor.py" line="+0"/>
        <source>Undo unsaved edits</source>
        <translation>बिना सहेजे संपादन पूर्ववत करें</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="+13"/>
        <source>&amp;Subject:</source>
        <translation>विषय (&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="+1"/>
        <source>S&amp;alutation:</source>
        <translation>संबोधन (&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="+1"/>
        <source>&amp;Body:</source>
        <translation>मुख्य पाठ (&amp;B):</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="+1"/>
        <source>&amp;Closing:</source>
        <translation>समापन (&amp;C):</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Draft not saved</source>
        <translation>ड्राफ़्ट नहीं सहेजा गया</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving the draft…</source>
        <translation>ड्राफ़्ट सहेजा जा रहा है…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source>A letter needs a subject.</source>
        <translation>पत्र में विषय होना आवश्यक है।</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>A letter needs a body.</source>
        <translation>पत्र में मुख्य पाठ होना आवश्यक है।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsaved edits.</source>
        <translation>बिना सहेजे संपादन।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/issue_button.py" line="+25"/>
        <source>Store this letter for good and date it today</source>
        <translation>इस पत्र को स्थायी रूप से सहेजें और आज की तारीख़ दें</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Issue…</source>
        <translation>जारी करें…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only a draft can be issued; an issued letter never changes.</source>
        <translation>केवल ड्राफ़्ट जारी किया जा सकता है; जारी पत्र कभी नहीं बदलता।</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Issue this letter?</source>
        <translation>यह पत्र जारी करें?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{value}” will be dated today and stored with its digest for good. It cannot be changed afterwards; a correction is a new letter.</source>
        <translation>“{value}” पर आज की तारीख़ लगेगी और यह अपने डाइजेस्ट सहित स्थायी रूप से सहेजा जाएगा। बाद में इसे बदला नहीं जा सकता; सुधार एक नया पत्र होगा।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue the letter</source>
        <translation>पत्र जारी करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>अभी नहीं</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not issued</source>
        <translation>जारी नहीं हुआ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issuing the letter…</source>
        <translation>पत्र जारी हो रहा है…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The letter is issued and on file. {step} now?</source>
        <translation>पत्र जारी होकर अभिलेख में दर्ज है। क्या अब {step}?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasons recorded with the extension:</source>
        <translation>समय-सीमा विस्तार के साथ दर्ज कारण:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>अगला चरण</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Do it now</source>
        <translation>अभी करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not now</source>
        <translation>बाद में</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/letter_list.py" line="+25"/>
        <source>Letter</source>
        <translation>पत्र</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/cases_page.py" line="+78"/>
        <source>All cases</source>
        <extracomment>Shown by default: reference, requester, type, status, next deadline, days left. Received, policy, priority and kind are one right-click away (header menu), so the requester&apos;s name and the deadline columns fit beside the case file on a 1366-pixel laptop screen.</extracomment>
        <translation>सभी मामले</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="-100"/>
        <source>Open cases</source>
        <extracomment>Saved views by their English name (QT_TR_NOOP), shown through tr().</extracomment>
        <translation>खुले मामले</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My overdue</source>
        <translation>मेरे विलंबित मामले</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="+1"/>
        <source>Due in 7 days</source>
        <translation>7 दिनों में देय</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+275"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="+4"/>
        <source>Awaiting requester</source>
        <translation>अनुरोधकर्ता की प्रतीक्षा</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Filter: {name}</source>
        <translation>फ़िल्टर: {name}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Filter by {what}</source>
        <translation>{what} के अनुसार फ़िल्टर करें</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="-426"/>
        <source>Clear</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{filter}: {choice} ▾</source>
        <translation>{filter}: {choice} ▾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{filter}: {count} ▾</source>
        <translation>{filter}: {count} ▾</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No cases yet</source>
        <translation>अभी तक कोई मामला नहीं</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create your first case (Ctrl+N) or import your spreadsheet (Ctrl+I). You can also drop an e-mail saved as .eml or .msg on the window.</source>
        <translation>अपना पहला मामला बनाएँ (Ctrl+N) या अपनी स्प्रेडशीट आयात करें (Ctrl+I)। आप .eml या .msg के रूप में सहेजा गया ई-मेल भी विंडो पर छोड़ सकते हैं।</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../grievance_desk/ui/main_window.py" line="+67"/>
        <location line="+191"/>
        <location filename="../../grievance_desk/ui/new_case_dialog.py" line="+120"/>
        <source>New case</source>
        <translation>नया मामला</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create your first case</source>
        <translation>अपना पहला मामला बनाएँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/main_window.py" line="+57"/>
        <source>Import spreadsheet…</source>
        <translation>स्प्रेडशीट आयात करें…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import your spreadsheet</source>
        <translation>अपनी स्प्रेडशीट आयात करें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No cases match</source>
        <translation>कोई मामला मेल नहीं खाता</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing in the register matches this view, filter or search. Clear the search box or the filters, or show all cases.</source>
        <translation>रजिस्टर में कुछ भी इस दृश्य, फ़िल्टर या खोज से मेल नहीं खाता। खोज बॉक्स या फ़िल्टर साफ़ करें, या सभी मामले दिखाएँ।</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Show all cases</source>
        <translation>सभी मामले दिखाएँ</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Search reference, name, e-mail or description  (Ctrl+F)</source>
        <translation>संदर्भ, नाम, ई-मेल या विवरण खोजें  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../grievance_desk/ui/main_window.py" line="-244"/>
        <location line="+197"/>
        <source>Search cases</source>
        <translation>मामले खोजें</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+214"/>
        <source>View: {name} ▾</source>
        <translation>दृश्य: {name} ▾</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>Saved views</source>
        <translation>सहेजे गए दृश्य</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="-3"/>
        <source>Overdue</source>
        <translation>विलंबित</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open only</source>
        <translation>केवल खुले</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/cases_table_model.py" line="-204"/>
        <location filename="../../grievance_desk/ui/letters/letter_list.py" line="+0"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/cases_table_model.py" line="-1"/>
        <source>Type</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Clear the report filter</source>
        <translation>रिपोर्ट फ़िल्टर हटाएँ</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Right-click to show or hide columns</source>
        <translation>कॉलम दिखाने या छिपाने के लिए राइट-क्लिक करें</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Filtered: {figure}  ✕</source>
        <translation>फ़िल्टर: {figure}  ✕</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the 1 case behind this report figure. Click to clear.</source>
        <translation>रिपोर्ट के इस आँकड़े के पीछे का 1 मामला दिखाया जा रहा है। हटाने के लिए क्लिक करें।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the {count} cases behind this report figure. Click to clear.</source>
        <translation>रिपोर्ट के इस आँकड़े के पीछे के {count} मामले दिखाए जा रहे हैं। हटाने के लिए क्लिक करें।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report figure</source>
        <translation>रिपोर्ट का आँकड़ा</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Custom</source>
        <translation>अनुकूलित</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Copy reference</source>
        <translation>संदर्भ कॉपी करें</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export this case…</source>
        <translation>यह मामला निर्यात करें…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export {count} cases…</source>
        <translation>{count} मामले निर्यात करें…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copied {reference}.</source>
        <translation>{reference} कॉपी किया गया।</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The 1 case in the list ({view}, search “{search}”), in the list&apos;s order.</source>
        <translation>सूची का 1 मामला ({view}, खोज “{search}”), सूची के क्रम में।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The {count} cases in the list ({view}, search “{search}”), in the list&apos;s order.</source>
        <translation>सूची के {count} मामले ({view}, खोज “{search}”), सूची के क्रम में।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The 1 case in the list ({view}), in the list&apos;s order.</source>
        <translation>सूची का 1 मामला ({view}), सूची के क्रम में।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The {count} cases in the list ({view}), in the list&apos;s order.</source>
        <translation>सूची के {count} मामले ({view}), सूची के क्रम में।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The selected case {reference}.</source>
        <translation>चयनित मामला {reference}।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The {count} selected cases.</source>
        <translation>{count} चयनित मामले।</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Exported 1 case to {name}.</source>
        <translation>1 मामला {name} में निर्यात किया गया।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported {count} cases to {name}.</source>
        <translation>{count} मामले {name} में निर्यात किए गए।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count}+ cases</source>
        <translation>{count}+ मामले</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 case</source>
        <translation>1 मामला</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} cases</source>
        <translation>{count} मामले</translation>
    </message>
    <message>
        <location line="+77"/>
        <location filename="../../grievance_desk/ui/workspace.py" line="-104"/>
        <source>this case</source>
        <translation>यह मामला</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/letter_list.py" line="+0"/>
        <source>Date</source>
        <translation>तारीख़</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Letters of this case</source>
        <translation>इस मामले के पत्र</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Issued</source>
        <translation>जारी</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>ड्राफ़्ट</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{subject}
Template {template_version}, letter {letter_id}</source>
        <translation>{subject}
टेम्पलेट {template_version}, पत्र {letter_id}</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/new_letter_dialog.py" line="-67"/>
        <source>New letter — {reference}</source>
        <translation>नया पत्र — {reference}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="+308"/>
        <location line="+2"/>
        <source>Letter templates</source>
        <translation>पत्र टेम्पलेट</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show every template</source>
        <translation>सभी टेम्पलेट दिखाएँ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also list templates not meant for this request type or status</source>
        <translation>वे टेम्पलेट भी दिखाएँ जो इस अनुरोध प्रकार या स्थिति के लिए नहीं हैं</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../grievance_desk/ui/template_editor.py" line="-61"/>
        <source>Template</source>
        <translation>टेम्पलेट</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/correspondence_dialog.py" line="-50"/>
        <location filename="../../grievance_desk/ui/letters/new_letter_dialog.py" line="+21"/>
        <source>Problem</source>
        <translation>समस्या</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/new_letter_dialog.py" line="+4"/>
        <source>What the law requires in this letter</source>
        <translation>इस पत्र में विधि द्वारा अपेक्षित बातें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What this letter needs from you</source>
        <translation>इस पत्र के लिए आपसे अपेक्षित जानकारी</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Create draft</source>
        <translation>ड्राफ़्ट बनाएँ</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{id} — version {version}</source>
        <translation>{id} — संस्करण {version}</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>No template suits this case.</source>
        <translation>इस मामले के लिए कोई टेम्पलेट उपयुक्त नहीं है।</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{title}. Loading its fields…</source>
        <translation>{title}। इसके फ़ील्ड लोड हो रहे हैं…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The law requires this letter to give:</source>
        <translation>विधि के अनुसार इस पत्र में यह देना आवश्यक है:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{title}: the case, the requester, the deadlines and your details fill the rest. Fields marked * are required.</source>
        <translation>{title}: शेष जानकारी मामले, अनुरोधकर्ता, समय-सीमाओं और आपके विवरण से भरी जाती है। * चिह्नित फ़ील्ड अनिवार्य हैं।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{title}: everything comes from the case and your settings; nothing to type.</source>
        <translation>{title}: सब कुछ मामले और आपकी सेटिंग से आता है; कुछ टाइप करने की आवश्यकता नहीं।</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{label} *:</source>
        <translation>{label} *:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose a template first.</source>
        <translation>पहले एक टेम्पलेट चुनें।</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Required for this letter: fill it in.</source>
        <translation>इस पत्र के लिए आवश्यक: इसे भरें।</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Drafting the letter…</source>
        <translation>पत्र का ड्राफ़्ट बन रहा है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/preview_pane.py" line="+41"/>
        <source>Letter preview</source>
        <translation>पत्र का पूर्वावलोकन</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Laying out the letter…</source>
        <translation>पत्र तैयार किया जा रहा है…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preparing the preview…</source>
        <translation>पूर्वावलोकन तैयार हो रहा है…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Issued {issued} — the stored letter, exactly as sent ({count} page). It cannot change; re-issue to correct it.</source>
        <translation>{issued} को जारी — सहेजा गया पत्र, ठीक वैसा ही जैसा भेजा गया ({count} पृष्ठ)। यह बदल नहीं सकता; सुधार के लिए पुनः जारी करें।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issued {issued} — the stored letter, exactly as sent ({count} pages). It cannot change; re-issue to correct it.</source>
        <translation>{issued} को जारी — सहेजा गया पत्र, ठीक वैसा ही जैसा भेजा गया ({count} पृष्ठ)। यह बदल नहीं सकता; सुधार के लिए पुनः जारी करें।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draft preview, dated today ({count} page). Edit it under “Edit draft”; issuing dates and stores it.</source>
        <translation>ड्राफ़्ट का पूर्वावलोकन, आज की तारीख़ सहित ({count} पृष्ठ)। इसे “ड्राफ़्ट संपादित करें” में बदलें; जारी करने पर तारीख़ लगती है और पत्र सहेजा जाता है।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draft preview, dated today ({count} pages). Edit it under “Edit draft”; issuing dates and stores it.</source>
        <translation>ड्राफ़्ट का पूर्वावलोकन, आज की तारीख़ सहित ({count} पृष्ठ)। इसे “ड्राफ़्ट संपादित करें” में बदलें; जारी करने पर तारीख़ लगती है और पत्र सहेजा जाता है।</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No preview</source>
        <translation>पूर्वावलोकन उपलब्ध नहीं</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/print_button.py" line="+25"/>
        <location line="+1"/>
        <source>Print…</source>
        <translation>प्रिंट करें…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print the letter (Ctrl+P)</source>
        <translation>पत्र प्रिंट करें (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Print letter</source>
        <translation>पत्र प्रिंट करें</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not printed</source>
        <translation>प्रिंट नहीं हुआ</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/reissue_button.py" line="+26"/>
        <location line="+2"/>
        <source>Re-issue…</source>
        <translation>पुनः जारी करें…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a corrected copy of an issued letter as a new draft</source>
        <translation>जारी पत्र की संशोधित प्रति नए ड्राफ़्ट के रूप में शुरू करें</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not re-issued</source>
        <translation>पुनः जारी नहीं हुआ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting a corrected copy…</source>
        <translation>सुधारी गई प्रति शुरू हो रही है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/save_pdf_button.py" line="+33"/>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>PDF के रूप में सहेजें…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the letter to a PDF file you choose</source>
        <translation>पत्र को आपके द्वारा चुनी गई PDF फ़ाइल में लिखें</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save letter as PDF</source>
        <translation>पत्र को PDF के रूप में सहेजें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../grievance_desk/ui/reports_page.py" line="+38"/>
        <source>{path} could not be written ({error}). Choose another folder.</source>
        <translation>{path} लिखा नहीं जा सका ({error})। कोई दूसरा फ़ोल्डर चुनें।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved {name}.</source>
        <translation>{name} सहेजी गई।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/files_tab.py" line="+60"/>
        <source>File</source>
        <translation>फ़ाइल</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>आकार</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>जोड़ा गया</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attachments</source>
        <translation>संलग्नक</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add…</source>
        <translation>जोड़ें…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../grievance_desk/ui/cases_page.py" line="-186"/>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as…</source>
        <translation>इस रूप में सहेजें…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop files here to attach them.</source>
        <translation>संलग्न करने के लिए फ़ाइलें यहाँ छोड़ें।</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{media_type}, SHA-256 {digest}…</source>
        <translation>{media_type}, SHA-256 {digest}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attach files</source>
        <translation>फ़ाइलें संलग्न करें</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not attached</source>
        <translation>संलग्न नहीं हुआ</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not open</source>
        <translation>खोला नहीं जा सका</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save attachment as</source>
        <translation>संलग्नक इस रूप में सहेजें</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../grievance_desk/ui/case_file/view.py" line="+229"/>
        <location filename="../../grievance_desk/ui/letters/save_pdf_button.py" line="+1"/>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="+147"/>
        <location filename="../../grievance_desk/ui/settings_page.py" line="+210"/>
        <source>Not saved</source>
        <translation>सहेजा नहीं गया</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/recovery_key_dialog.py" line="+92"/>
        <source>{path} could not be written: {error}.</source>
        <translation>{path} नहीं लिखी जा सकी: {error}।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not read</source>
        <translation>पढ़ा नहीं जा सका</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/save_pdf_button.py" line="+1"/>
        <source>Saving the PDF…</source>
        <translation>PDF सहेजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/cases_page.py" line="+2"/>
        <location filename="../../grievance_desk/ui/letters_tab.py" line="+87"/>
        <source>New letter…</source>
        <translation>नया पत्र…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters_tab.py" line="+2"/>
        <source>Draft a letter from a template (Ctrl+Shift+L)</source>
        <translation>टेम्पलेट से पत्र का ड्राफ़्ट बनाएँ (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Template…</source>
        <translation>टेम्पलेट…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit your copy of this letter&apos;s template</source>
        <translation>इस पत्र के टेम्पलेट की अपनी प्रति संपादित करें</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Preview</source>
        <translation>पूर्वावलोकन</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+187"/>
        <source>Edit draft</source>
        <translation>ड्राफ़्ट संपादित करें</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>No letters yet. Use “New letter…” to draft an acknowledgement, a request for identity proof, a response or another formal letter from a template.</source>
        <translation>अभी कोई पत्र नहीं। टेम्पलेट से पावती, पहचान प्रमाण का अनुरोध, उत्तर या कोई अन्य औपचारिक पत्र बनाने के लिए “नया पत्र…” का उपयोग करें।</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Letters not loaded</source>
        <translation>पत्र लोड नहीं हुए</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Text</source>
        <translation>पाठ</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/pdf_tools.py" line="+34"/>
        <source>The letter&apos;s PDF could not be read for printing. Preview it again; if it still fails, save it as PDF and print that file.</source>
        <extracomment>Pages are rasterised for the printer at no more than this many dots per inch: sharp on paper, and an A4 page stays a few megabytes instead of 1200-dpi&apos;s half a gigabyte. The letter preview: every page, fit to the pane&apos;s width, redrawn when the pane resizes.</extracomment>
        <translation>प्रिंट के लिए पत्र की PDF पढ़ी नहीं जा सकी। फिर से पूर्वावलोकन करें; यदि फिर भी न हो, तो इसे PDF के रूप में सहेजकर वह फ़ाइल प्रिंट करें।</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The printer could not be started. Check that it is connected and try again.</source>
        <translation>प्रिंटर शुरू नहीं हो सका। जाँचें कि वह जुड़ा हुआ है और फिर से प्रयास करें।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="-538"/>
        <source>“{part}” is not a number of days. Write whole days before the deadline, separated by commas, e.g. 7, 3, 1, 0.</source>
        <translation>“{part}” दिनों की संख्या नहीं है। समय-सीमा से पहले के पूरे दिन अल्पविराम से अलग करके लिखें, जैसे 7, 3, 1, 0।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give at least one day, e.g. 0 for the day itself.</source>
        <translation>कम से कम एक दिन दें, जैसे उसी दिन के लिए 0।</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name}: amount</source>
        <translation>{name}: संख्या</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}: unit</source>
        <translation>{name}: इकाई</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Own policy</source>
        <translation>अपनी नीति</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Policy {id}</source>
        <translation>नीति {id}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy of preset</source>
        <translation>पूर्व-निर्धारित नीति की प्रति</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. our-30-days</source>
        <translation>जैसे our-30-days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New policy id</source>
        <translation>नई नीति की पहचान (id)</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/header.py" line="+32"/>
        <source>Copy e-mail address</source>
        <extracomment>What can be copied: (the requester&apos;s field, the menu text, the name in the note).</extracomment>
        <translation>ई-मेल पता कॉपी करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail address</source>
        <translation>ई-मेल पता</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy phone number</source>
        <translation>फ़ोन नंबर कॉपी करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone number</source>
        <translation>फ़ोन नंबर</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="+2"/>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy requester&apos;s name</source>
        <translation>अनुरोधकर्ता का नाम कॉपी करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy postal address</source>
        <translation>डाक पता कॉपी करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Postal address</source>
        <translation>डाक पता</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Copy</source>
        <translation>कॉपी करें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the requester&apos;s details</source>
        <translation>अनुरोधकर्ता का विवरण कॉपी करें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the requester&apos;s contact details; the clipboard is cleared after {seconds} seconds</source>
        <translation>अनुरोधकर्ता के संपर्क विवरण कॉपी करें; क्लिपबोर्ड {seconds} सेकंड बाद साफ़ हो जाता है</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{channel}, received {when}</source>
        <translation>{channel}, प्राप्ति {when}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copied; cleared in {seconds} s</source>
        <translation>कॉपी किया गया; {seconds} सेकंड में साफ़ होगा</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} is on the clipboard, hidden from clipboard managers, and is cleared after {seconds} s unless you copy something else first.</source>
        <translation>{what} क्लिपबोर्ड पर है, क्लिपबोर्ड प्रबंधकों से छिपा हुआ, और {seconds} सेकंड बाद साफ़ हो जाएगा, जब तक कि आप पहले कुछ और कॉपी न करें।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="+1"/>
        <source>Respond within</source>
        <translation>उत्तर की समय-सीमा</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Acknowledge within</source>
        <translation>पावती की समय-सीमा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension allowed, by</source>
        <translation>विस्तार की अनुमति, अवधि</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension length</source>
        <translation>विस्तार की अवधि</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalation route printed in letters</source>
        <translation>पत्रों में छपने वाला अपील मार्ग</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy of &amp;preset:</source>
        <translation>पूर्व-निर्धारित नीति की प्रति (&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;id:</source>
        <translation>नई पहचान (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_form.py" line="+114"/>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="+1"/>
        <source>&amp;Name:</source>
        <translation>नाम (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="+1"/>
        <source>&amp;Respond within:</source>
        <translation>उत्तर की समय-सीमा (&amp;R):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalation &amp;route:</source>
        <translation>अपील मार्ग (&amp;R):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Other rules (counting start, working week, clock stops) follow the preset this policy was copied from.</source>
        <translation>अन्य नियम (गणना का आरंभ, कार्य-सप्ताह, समय-गणना का रुकना) उसी पूर्व-निर्धारित नीति के अनुसार रहते हैं जिससे यह नीति कॉपी की गई है।</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{name} (own copy)</source>
        <translation>{name} (अपनी प्रति)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>from {date}</source>
        <translation>{date} से</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until {date}</source>
        <translation>{date} तक</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No route: letters name no regulator.</source>
        <translation>कोई मार्ग नहीं: पत्रों में किसी नियामक का नाम नहीं होगा।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give the policy an id (letters, digits and dashes).</source>
        <translation>नीति को एक पहचान (id) दें (अक्षर, अंक और डैश)।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use only letters, digits, dashes and underscores in the id.</source>
        <translation>पहचान (id) में केवल अक्षर, अंक, डैश और अंडरस्कोर का उपयोग करें।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{id}” is a preset&apos;s id; choose another.</source>
        <translation>“{id}” एक पूर्व-निर्धारित नीति की पहचान है; कोई दूसरी चुनें।</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>What the law applies</source>
        <translation>कौन-सी विधि लागू होती है</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We are an intermediary (IT Act 2000 s.2(1)(w))</source>
        <translation>हम एक मध्यवर्ती हैं (IT Act 2000 s.2(1)(w))</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>…a significant social media intermediary (IT Rules r.2(1)(v)): monthly r.4(1)(d) compliance figures in the report</source>
        <translation>…एक महत्वपूर्ण सोशल मीडिया मध्यवर्ती (IT Rules r.2(1)(v)): रिपोर्ट में r.4(1)(d) के मासिक अनुपालन आँकड़े</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+121"/>
        <source>Established in</source>
        <translation>स्थापना का स्थान</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not set (the organisation&apos;s own policy for every case)</source>
        <translation>निर्धारित नहीं (हर मामले के लिए संगठन की अपनी नीति)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Also serves {name}</source>
        <translation>{name} में भी सेवाएँ देते हैं</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/main_window.py" line="-212"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="+84"/>
        <source>Today</source>
        <extracomment>The pages, named with QT_TR_NOOP and shown through tr().</extracomment>
        <translation>आज</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New case from an e-mail file</source>
        <translation>ई-मेल फ़ाइल से नया मामला</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a spreadsheet register (Excel or CSV)</source>
        <translation>स्प्रेडशीट रजिस्टर आयात करें (Excel या CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the case list as shown (Excel or CSV)</source>
        <translation>दिखाई गई मामला सूची निर्यात करें (Excel या CSV)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the case or letter you are editing</source>
        <translation>जिस मामले या पत्र को आप संपादित कर रहे हैं उसे सहेजें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the letter on screen</source>
        <translation>स्क्रीन पर दिखाया गया पत्र प्रिंट करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New letter for the open case</source>
        <translation>खुले मामले के लिए नया पत्र</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record correspondence on the open case</source>
        <translation>खुले मामले पर पत्राचार दर्ज करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build the report (Reports page)</source>
        <translation>रिपोर्ट बनाएँ (रिपोर्ट पृष्ठ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock now (the key is dropped from memory)</source>
        <translation>अभी लॉक करें (कुंजी मेमोरी से हटा दी जाती है)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today, Cases, Reports, Settings</source>
        <translation>आज, मामले, रिपोर्ट, सेटिंग</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This help</source>
        <translation>यह सहायता</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About: version, register and log folders, licences</source>
        <translation>परिचय: संस्करण, रजिस्टर और लॉग फ़ोल्डर, लाइसेंस</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop an e-mail saved as .eml or Outlook .msg on the window to start a case from it; drop any file on an open case to attach it. Right-click the Cases table&apos;s header to show or hide columns.</source>
        <translation>.eml या Outlook .msg के रूप में सहेजा गया ई-मेल विंडो पर छोड़ें, उससे मामला शुरू हो जाएगा; किसी खुले मामले पर कोई भी फ़ाइल छोड़ें, वह संलग्न हो जाएगी। कॉलम दिखाने या छिपाने के लिए मामले तालिका के शीर्ष पर राइट-क्लिक करें।</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Grievance Desk — keyboard</source>
        <translation>Grievance Desk — कीबोर्ड</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Grievance Desk — DEMO (fictitious data)</source>
        <extracomment>The smallest window the workspace is laid out for (a 1024x768 screen less its panels), and the size it opens at when the screen has room (a 1366x768 laptop has not).</extracomment>
        <translation>Grievance Desk — डेमो (काल्पनिक डेटा)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Main</source>
        <translation>मुख्य</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From e-mail…</source>
        <translation>ई-मेल से…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../grievance_desk/ui/workspace.py" line="+58"/>
        <source>New case from an e-mail</source>
        <translation>ई-मेल से नया मामला</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="-141"/>
        <location line="+144"/>
        <location line="+6"/>
        <location filename="../../grievance_desk/ui/widgets.py" line="-1"/>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the open case</source>
        <translation>खुला मामला सहेजें</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/tray.py" line="+33"/>
        <source>Lock</source>
        <translation>लॉक करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lock now</source>
        <translation>अभी लॉक करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keyboard shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print</source>
        <translation>प्रिंट करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print the letter</source>
        <translation>पत्र प्रिंट करें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About Grievance Desk</source>
        <translation>Grievance Desk का परिचय</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version and licences</source>
        <translation>संस्करण और लाइसेंस</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Import an Excel or CSV register</source>
        <translation>Excel या CSV रजिस्टर आयात करें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export case list…</source>
        <translation>मामला सूची निर्यात करें…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the cases shown, with the current filter and search, to Excel or CSV</source>
        <translation>वर्तमान फ़िल्टर और खोज सहित दिखाए गए मामले Excel या CSV में निर्यात करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Demo register (fictitious data): {path}</source>
        <translation>डेमो रजिस्टर (काल्पनिक डेटा): {path}</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+2"/>
        <source>Locked</source>
        <translation>लॉक है</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>Unlocked</source>
        <translation>अनलॉक है</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Locked — the key is not in memory.</source>
        <translation>लॉक है — कुंजी मेमोरी में नहीं है।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/dialogs.py" line="+28"/>
        <source>An unexpected problem occurred ({error}). Nothing else was changed. Try again; if it keeps happening, run `grievance-desk verify` and report it.</source>
        <translation>एक अप्रत्याशित समस्या हुई ({error})। और कुछ नहीं बदला गया। फिर से प्रयास करें; यदि ऐसा बार-बार हो, तो `grievance-desk verify` चलाएँ और इसकी सूचना दें।</translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../../grievance_desk/ui/main_window.py" line="+31"/>
        <source>Unsaved changes</source>
        <translation>बिना सहेजे परिवर्तन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You have unsaved changes to {what}.</source>
        <translation>{what} में आपके परिवर्तन सहेजे नहीं गए हैं।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save them before leaving?</source>
        <translation>जाने से पहले उन्हें सहेजें?</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/main_window.py" line="+56"/>
        <source>Grievance Desk — help</source>
        <translation>Grievance Desk — सहायता</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About…</source>
        <translation>परिचय…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open a case and choose a letter in its Letters tab to print it.</source>
        <translation>प्रिंट करने के लिए कोई मामला खोलें और उसके पत्र टैब में कोई पत्र चुनें।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="-5"/>
        <source>Save what the organisation is</source>
        <translation>संगठन का विवरण सहेजें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. DE, IE or ES-MD</source>
        <translation>जैसे DE, IE या ES-MD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Controller&apos;s Member State</source>
        <translation>नियंत्रक का सदस्य राज्य</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Member State</source>
        <translation>सदस्य राज्य सहेजें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>California statutory holidays</source>
        <translation>कैलिफ़ोर्निया के वैधानिक अवकाश</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each new case gets the policy its law applies on the day it was received; a policy you choose per request type may be stricter, never looser.</source>
        <translation>हर नए मामले पर वह नीति लागू होती है जो उसकी प्राप्ति के दिन विधि के अनुसार लागू है; अनुरोध प्रकार के अनुसार आपके द्वारा चुनी गई नीति अधिक कठोर हो सकती है, कभी ढीली नहीं।</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+31"/>
        <source>Established in:</source>
        <translation>स्थापना का स्थान:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+1"/>
        <source>Also serves:</source>
        <translation>इनमें भी सेवाएँ:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GDPR Member State:</source>
        <translation>GDPR सदस्य राज्य:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reg 1182/71 art 3(4): a GDPR period ending on a public holiday of the controller&apos;s Member State ends on the next working day.</source>
        <translation>Reg 1182/71 art 3(4): नियंत्रक के सदस्य राज्य के सार्वजनिक अवकाश पर समाप्त होने वाली GDPR अवधि अगले कार्य-दिवस को समाप्त होती है।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>California&apos;s statutory holidays ({citation}), for CCPA business days:</source>
        <translation>CCPA कार्य-दिवसों के लिए कैलिफ़ोर्निया के वैधानिक अवकाश ({citation}):</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>By law (else {policy})</source>
        <translation>विधि के अनुसार (अन्यथा {policy})</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Default policy per request type</source>
        <translation>अनुरोध प्रकार के अनुसार डिफ़ॉल्ट नीति</translation>
    </message>
    <message>
        <location line="-304"/>
        <source>calendar days</source>
        <translation>कैलेंडर दिवस</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>business days</source>
        <translation>कार्य-दिवस</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calendar months</source>
        <translation>कैलेंडर माह</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours</source>
        <translation>घंटे</translation>
    </message>
    <message>
        <location line="+306"/>
        <source>New cases of each type follow this policy unless you choose another on the case. Cases already on the default move with it. “By law” picks the policy in force on each case&apos;s received date.</source>
        <translation>हर प्रकार के नए मामले इसी नीति का पालन करते हैं, जब तक आप मामले में कोई दूसरी नीति न चुनें। डिफ़ॉल्ट पर चल रहे मौजूदा मामले भी इसके साथ बदलते हैं। “विधि के अनुसार” हर मामले की प्राप्ति की तारीख़ पर लागू नीति चुनता है।</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Default policy for {label}</source>
        <translation>{label} के लिए डिफ़ॉल्ट नीति</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/new_letter_dialog.py" line="-66"/>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="+3"/>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/policy_settings_box.py" line="+3"/>
        <source>Holidays and days off</source>
        <translation>अवकाश और छुट्टियाँ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your days off</source>
        <translation>आपकी छुट्टियाँ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Day off to add</source>
        <translation>जोड़ने के लिए छुट्टी का दिन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>जोड़ें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add day off</source>
        <translation>छुट्टी का दिन जोड़ें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove selected</source>
        <translation>चुने हुए हटाएँ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Office closures: business-day counting and roll-forward skip them only under policies whose law counts them (your own policy); GDPR and CCPA dates count public holidays only.</source>
        <translation>कार्यालय बंदी: कार्य-दिवस की गणना और आगे खिसकाने में इन्हें केवल उन नीतियों में छोड़ा जाता है जिनकी विधि इन्हें गिनती है (आपकी अपनी नीति); GDPR और CCPA की तारीख़ों में केवल सार्वजनिक अवकाश गिने जाते हैं।</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reminder schedule</source>
        <translation>अनुस्मारक अनुसूची</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each policy&apos;s own reminders</source>
        <translation>हर नीति के अपने अनुस्मारक</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One schedule for every policy:</source>
        <translation>सभी नीतियों के लिए एक अनुसूची:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days before a deadline to remind</source>
        <translation>समय-सीमा से कितने दिन पहले याद दिलाएँ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days before each deadline, separated by commas (0 = on the day)</source>
        <translation>हर समय-सीमा से पहले के दिन, अल्पविराम से अलग (0 = उसी दिन)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remind daily while overdue</source>
        <translation>समय-सीमा बीतने पर प्रतिदिन याद दिलाएँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save schedule</source>
        <translation>अनुसूची सहेजें</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>days before</source>
        <translation>दिन पहले</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>Your own policies</source>
        <translation>आपकी अपनी नीतियाँ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy a preset…</source>
        <translation>पूर्व-निर्धारित नीति कॉपी करें…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>संपादित करें…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit template…</source>
        <translation>टेम्पलेट संपादित करें…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The shipped templates never change; editing makes your own copy, with versions. Each issued letter records the version that made it.</source>
        <translation>साथ आए टेम्पलेट कभी नहीं बदलते; संपादन से संस्करणों सहित आपकी अपनी प्रति बनती है। हर जारी पत्र में उसे बनाने वाला संस्करण दर्ज रहता है।</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No days off yet.</source>
        <translation>अभी कोई छुट्टी नहीं।</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{id} — respond in {period}</source>
        <translation>{id} — {period} में उत्तर</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>acknowledge in {period}</source>
        <translation>{period} में पावती</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>your {version}</source>
        <translation>आपका {version}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose where the organisation is established.</source>
        <translation>चुनें कि संगठन कहाँ स्थापित है।</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving what the organisation is…</source>
        <translation>संगठन का विवरण सहेजा जा रहा है…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving the Member State…</source>
        <translation>सदस्य राज्य सहेजा जा रहा है…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Changing the default policy…</source>
        <translation>डिफ़ॉल्ट नीति बदली जा रही है…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Adding the day off and moving due dates…</source>
        <translation>छुट्टी का दिन जोड़ा जा रहा है और नियत तिथियाँ बदली जा रही हैं…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Removing days off and moving due dates…</source>
        <translation>छुट्टी के दिन हटाए जा रहे हैं और नियत तिथियाँ बदली जा रही हैं…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Saving the reminder schedule…</source>
        <translation>अनुस्मारक अनुसूची सहेजी जा रही है…</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+33"/>
        <source>Saving the policy…</source>
        <translation>नीति सहेजी जा रही है…</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The policy is not valid: {error}. Correct that field.</source>
        <translation>नीति मान्य नहीं है: {error}। वह फ़ील्ड ठीक करें।</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deleting the policy…</source>
        <translation>नीति हटाई जा रही है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/reports_page.py" line="-604"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel वर्कबुक (*.xlsx)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Year {year}</source>
        <translation>वर्ष {year}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} of {total}</source>
        <translation>{total} में से {count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>of {total}</source>
        <translation>{total} में से</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No cases behind this figure.</source>
        <translation>इस आँकड़े के पीछे कोई मामला नहीं।</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>{days} day</source>
        <translation>{days} दिन</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Building the report…</source>
        <extracomment>How many months back the month picker offers (a report for an older month: the CLI). The status-bar label of a report build; ``runner.sig_progress`` names its op by it.</extracomment>
        <translation>रिपोर्ट बन रही है…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{days} days</source>
        <translation>{days} दिन</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>over {count} closed case</source>
        <translation>{count} बंद मामले पर</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>over {count} closed cases</source>
        <translation>{count} बंद मामलों पर</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{drill_down} — {count} case. Click to list them.</source>
        <translation>{drill_down} — {count} मामला। सूची के लिए क्लिक करें।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{drill_down} — {count} cases. Click to list them.</source>
        <translation>{drill_down} — {count} मामले। सूची के लिए क्लिक करें।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click to list the cases.</source>
        <translation>मामलों की सूची के लिए क्लिक करें।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens the cases behind this figure</source>
        <translation>इस आँकड़े के पीछे के मामले खोलता है</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/cases_page.py" line="-297"/>
        <location line="+104"/>
        <location filename="../../grievance_desk/ui/main_window.py" line="-445"/>
        <location filename="../../grievance_desk/ui/reports_page.py" line="+16"/>
        <source>Cases</source>
        <translation>मामले</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/reports_page.py" line="+0"/>
        <source>Share</source>
        <translation>हिस्सा</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+360"/>
        <source>{drill_down} — click to list the cases</source>
        <translation>{drill_down} — मामलों की सूची के लिए क्लिक करें</translation>
    </message>
    <message>
        <location line="-353"/>
        <source>No cases in this row</source>
        <translation>इस पंक्ति में कोई मामला नहीं</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+4"/>
        <source>Month</source>
        <translation>माह</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+15"/>
        <source>Year</source>
        <translation>वर्ष</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Report period kind</source>
        <translation>रिपोर्ट अवधि का प्रकार</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+249"/>
        <source>{month} (to date)</source>
        <translation>{month} (अब तक)</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>Build report</source>
        <translation>रिपोर्ट बनाएँ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build the summary for the chosen period (Ctrl+Enter)</source>
        <translation>चुनी गई अवधि का सारांश बनाएँ (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export:</source>
        <translation>निर्यात:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the report as {format} (not encrypted)</source>
        <translation>रिपोर्ट {format} के रूप में सहेजें (एन्क्रिप्टेड नहीं)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export {format}</source>
        <translation>{format} निर्यात करें</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel building the report</source>
        <translation>रिपोर्ट बनाना रद्द करें</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/main_window.py" line="+1"/>
        <location filename="../../grievance_desk/ui/reports_page.py" line="+6"/>
        <source>Reports</source>
        <translation>रिपोर्ट</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/reports_page.py" line="+22"/>
        <source>Ageing of open cases</source>
        <translation>खुले मामलों की आयु</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Days to respond</source>
        <translation>उत्तर देने में लगे दिन</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breakdowns</source>
        <translation>वर्गीकरण</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ageing of open cases at the period&apos;s end</source>
        <translation>अवधि के अंत में खुले मामलों की आयु</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Click any figure, row or bar to open exactly those cases. Definitions of every figure are in the PDF&apos;s appendix. Reports name cases by reference only.</source>
        <translation>ठीक उन्हीं मामलों को खोलने के लिए किसी भी आँकड़े, पंक्ति या स्तंभ पर क्लिक करें। हर आँकड़े की परिभाषा PDF के परिशिष्ट में है। रिपोर्ट में मामलों का उल्लेख केवल संदर्भ संख्या से होता है।</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a month or a year and build the summary: received, closed, open and overdue cases, on-time rates, days to respond, breakdowns, ageing and the twelve-month trend.</source>
        <translation>माह या वर्ष चुनें और सारांश बनाएँ: प्राप्त, बंद, खुले और समय-सीमा पार मामले, समय पर उत्तर की दर, उत्तर में लगे दिन, वर्गीकरण, आयु और बारह माह की प्रवृत्ति।</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Reading the register…</source>
        <translation>रजिस्टर पढ़ा जा रहा है…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Report not built</source>
        <translation>रिपोर्ट नहीं बनी</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report cancelled.</source>
        <translation>रिपोर्ट रद्द की गई।</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancelling…</source>
        <translation>रद्द किया जा रहा है…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The register changed since this report was built.</source>
        <translation>यह रिपोर्ट बनने के बाद रजिस्टर बदल गया है।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{done:,} of {total:,} cases</source>
        <translation>{total:,} में से {done:,} मामले</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Built in {seconds:.1f} s</source>
        <translation>{seconds:.1f} सेकंड में बनी</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Generated {generated} ({zone}); statuses as at {as_at}.</source>
        <translation>{generated} ({zone}) को बनाई गई; स्थिति {as_at} के अनुसार।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The period is still running; figures are to date.</source>
        <translation>अवधि अभी चल रही है; आँकड़े अब तक के हैं।</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{label} ({total})</source>
        <translation>{label} ({total})</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No such figure</source>
        <translation>ऐसा कोई आँकड़ा नहीं</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No cases behind “{title}”.</source>
        <translation>“{title}” के पीछे कोई मामला नहीं।</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exports are not encrypted</source>
        <translation>निर्यात एन्क्रिप्टेड नहीं होते</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The exported file is not encrypted.</source>
        <translation>निर्यात की गई फ़ाइल एन्क्रिप्टेड नहीं है।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It lists case references, dates and statuses (no names or e-mail addresses). Keep it on an encrypted disk and share it only with people entitled to see it.</source>
        <translation>इसमें मामलों की संदर्भ संख्याएँ, तारीख़ें और स्थितियाँ हैं (नाम या ई-मेल पते नहीं)। इसे एन्क्रिप्टेड डिस्क पर रखें और केवल उन्हीं व्यक्तियों से साझा करें जिन्हें इसे देखने का अधिकार है।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Don&apos;t warn me again on this computer</source>
        <translation>इस कंप्यूटर पर फिर चेतावनी न दें</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export report as {format}</source>
        <translation>रिपोर्ट {format} के रूप में निर्यात करें</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Exported {name}</source>
        <translation>{name} निर्यात की गई</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not exported</source>
        <translation>निर्यात नहीं हुआ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting {format}…</source>
        <translation>{format} निर्यात हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/settings_page.py" line="-305"/>
        <source>Your e-mail: {problem}</source>
        <translation>आपका ई-मेल: {problem}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your phone: {problem}</source>
        <translation>आपका फ़ोन: {problem}</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="-155"/>
        <location line="+12"/>
        <source>Choose {what}</source>
        <translation>{what} चुनें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove {what}</source>
        <translation>{what} हटाएँ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the {what}</source>
        <translation>{what} चुनें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>चित्र (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not an image we can use</source>
        <translation>यह चित्र उपयोग योग्य नहीं है</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is not a PNG or JPEG image under 2 MB. Choose another file; nothing was changed.</source>
        <translation>{name} 2 MB से छोटा PNG या JPEG चित्र नहीं है। कोई दूसरी फ़ाइल चुनें; कुछ भी नहीं बदला गया।</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="-14"/>
        <location line="+22"/>
        <source>None chosen</source>
        <translation>कुछ नहीं चुना गया</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Change passphrase</source>
        <translation>पासफ़्रेज़ बदलें</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>New passphrase</source>
        <translation>नया पासफ़्रेज़</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same again</source>
        <translation>वही फिर से</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat new passphrase</source>
        <translation>नया पासफ़्रेज़ दोहराएँ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change</source>
        <translation>बदलें</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The register stays as it is; only the key file is re-sealed. The recovery key keeps working.</source>
        <translation>रजिस्टर जैसा है वैसा ही रहता है; केवल कुंजी फ़ाइल फिर से सील की जाती है। रिकवरी कुंजी काम करती रहती है।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New passphrase:</source>
        <translation>नया पासफ़्रेज़ (&amp;N):</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+210"/>
        <source>&amp;Repeat:</source>
        <translation>दोहराएँ (&amp;R):</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+10"/>
        <source>The two passphrases differ.</source>
        <translation>दोनों पासफ़्रेज़ अलग-अलग हैं।</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Printed at the top right of every letter.</source>
        <translation>हर पत्र के ऊपर दाईं ओर छपता है।</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="-198"/>
        <source>logo</source>
        <translation>लोगो</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printed above your name on letters.</source>
        <translation>पत्रों में आपके नाम के ऊपर छपता है।</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+32"/>
        <source>signature image</source>
        <translation>हस्ताक्षर का चित्र</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Organisation and officer</source>
        <translation>संगठन और अधिकारी</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation:</source>
        <translation>संगठन:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered office:</source>
        <translation>पंजीकृत कार्यालय:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website:</source>
        <translation>वेबसाइट:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer&apos;s name:</source>
        <translation>अधिकारी का नाम:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title:</source>
        <translation>पदनाम:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail:</source>
        <translation>ई-मेल:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>फ़ोन:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone:</source>
        <translation>समय क्षेत्र:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo:</source>
        <translation>लोगो:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature:</source>
        <translation>हस्ताक्षर:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save details</source>
        <translation>विवरण सहेजें</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> minutes</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock after idle minutes</source>
        <translation>निष्क्रियता के इतने मिनट बाद लॉक करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change passphrase…</source>
        <translation>पासफ़्रेज़ बदलें…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remember the key on this computer</source>
        <translation>इस कंप्यूटर पर कुंजी याद रखें</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unlocks without the passphrase when you sign in to this computer.</source>
        <translation>इस कंप्यूटर में साइन इन करने पर पासफ़्रेज़ के बिना अनलॉक होता है।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not available: {reason}.</source>
        <translation>उपलब्ध नहीं: {reason}।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New recovery key…</source>
        <translation>नई रिकवरी कुंजी…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/recovery_key_dialog.py" line="+12"/>
        <location filename="../../grievance_desk/ui/settings_page.py" line="+1"/>
        <location line="+149"/>
        <source>New recovery key</source>
        <translation>नई रिकवरी कुंजी</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/settings_page.py" line="-147"/>
        <source>Make a new recovery key (for a lost or exposed one); the old one stops working</source>
        <translation>नई रिकवरी कुंजी बनाएँ (खोई या उजागर हुई कुंजी के स्थान पर); पुरानी काम करना बंद कर देगी</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Security</source>
        <translation>सुरक्षा</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock after idle:</source>
        <translation>निष्क्रियता पर लॉक:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovery key:</source>
        <translation>रिकवरी कुंजी:</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/main_window.py" line="+1"/>
        <location filename="../../grievance_desk/ui/settings_page.py" line="+17"/>
        <source>Settings</source>
        <translation>सेटिंग</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/settings_page.py" line="+94"/>
        <source>Passphrase changed. The recovery key still works; older backups open with the passphrase they were made with.</source>
        <translation>पासफ़्रेज़ बदल गया। रिकवरी कुंजी अब भी काम करती है; पुराने बैकअप उसी पासफ़्रेज़ से खुलते हैं जिससे वे बने थे।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changing the passphrase…</source>
        <translation>पासफ़्रेज़ बदला जा रहा है…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Make a new recovery key? Once you confirm you have written it down, the old recovery key stops working. The passphrase and the data stay as they are.</source>
        <translation>नई रिकवरी कुंजी बनाएँ? जब आप पुष्टि कर देंगे कि आपने इसे लिख लिया है, तब पुरानी रिकवरी कुंजी काम करना बंद कर देगी। पासफ़्रेज़ और डेटा जैसे हैं वैसे ही रहेंगे।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Make a new recovery key</source>
        <translation>नई रिकवरी कुंजी बनाएँ</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+29"/>
        <source>No new recovery key</source>
        <translation>नई रिकवरी कुंजी नहीं बनी</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is the register&apos;s new recovery key.</source>
        <translation>यह रजिस्टर की नई रिकवरी कुंजी है।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The new recovery key is not confirmed yet, so the old one still works. It is shown again when you next unlock or click “New recovery key…”.</source>
        <translation>नई रिकवरी कुंजी की अभी पुष्टि नहीं हुई है, इसलिए पुरानी अब भी काम करती है। अगली बार अनलॉक करने या “नई रिकवरी कुंजी…” पर क्लिक करने पर यह फिर दिखाई जाएगी।</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The new recovery key is in force; the old one no longer opens the register. Backups made before now still open with the old one.</source>
        <translation>नई रिकवरी कुंजी लागू है; पुरानी कुंजी से अब रजिस्टर नहीं खुलता। इससे पहले बने बैकअप अब भी पुरानी कुंजी से खुलते हैं।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery key not changed</source>
        <translation>रिकवरी कुंजी नहीं बदली गई</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keyring</source>
        <translation>कीरिंग</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/template_editor.py" line="-4"/>
        <source>Letter template</source>
        <translation>पत्र टेम्पलेट</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version</source>
        <translation>संस्करण</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Load an earlier version&apos;s text into the editor</source>
        <translation>किसी पिछले संस्करण का पाठ संपादक में लोड करें</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each letter language has its own copy of a template</source>
        <translation>पत्र की हर भाषा में टेम्पलेट की अपनी अलग प्रति होती है</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language:</source>
        <translation>भाषा:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template:</source>
        <translation>टेम्पलेट:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version:</source>
        <translation>संस्करण:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>शीर्षक</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="-138"/>
        <source>Demo register passphrase: “{passphrase}”</source>
        <translation>डेमो रजिस्टर का पासफ़्रेज़: “{passphrase}”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Welcome to Grievance Desk</source>
        <translation>Grievance Desk में आपका स्वागत है</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An encrypted register of grievances and rights requests, kept on this computer.</source>
        <translation>शिकायतों और अधिकार अनुरोधों का एन्क्रिप्टेड रजिस्टर, जो इसी कंप्यूटर पर रखा जाता है।</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Set up my register</source>
        <translation>मेरा रजिस्टर तैयार करें</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Try with demo data</source>
        <translation>डेमो डेटा के साथ आज़माएँ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Creates an encrypted register at {path}. You choose a passphrase and receive a one-time recovery key.</source>
        <translation>{path} पर एक एन्क्रिप्टेड रजिस्टर बनाता है। आप एक पासफ़्रेज़ चुनते हैं और आपको एक बार दिखाई जाने वाली रिकवरी कुंजी मिलती है।</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opens a separate register filled with fictitious cases (names like “Aarav Example”, e-mails at example.org). Nothing you do there touches your real register.</source>
        <translation>काल्पनिक मामलों से भरा एक अलग रजिस्टर खोलता है (“Aarav Example” जैसे नाम, example.org के ई-मेल)। वहाँ आप जो भी करें, उसका आपके वास्तविक रजिस्टर पर कोई प्रभाव नहीं पड़ता।</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>PNG images (*.png)</source>
        <translation>PNG छवियाँ (*.png)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your organisation</source>
        <translation>आपका संगठन</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed on letters and reports. You can change these later in Settings.</source>
        <translation>ये पत्रों और रिपोर्टों पर मुद्रित होते हैं। आप इन्हें बाद में सेटिंग में बदल सकते हैं।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Example Cloud Services Pvt. Ltd.</source>
        <translation>जैसे Example Cloud Services Pvt. Ltd.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered office address</source>
        <translation>पंजीकृत कार्यालय का पता</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Organisation &amp;name:</source>
        <translation>संगठन का नाम (&amp;N):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered &amp;office:</source>
        <translation>पंजीकृत कार्यालय (&amp;O):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Website:</source>
        <translation>वेबसाइट (&amp;W):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo (optional):</source>
        <translation>लोगो (वैकल्पिक):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation name</source>
        <translation>संगठन का नाम</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered office</source>
        <translation>पंजीकृत कार्यालय</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>वेबसाइट</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Grievance officer</source>
        <translation>शिकायत अधिकारी</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who answers requests. DPDP Rules r.9 asks every response to carry these contact details.</source>
        <translation>अनुरोधों का उत्तर कौन देता है। DPDP नियम r.9 के अनुसार प्रत्येक उत्तर में ये संपर्क विवरण होने चाहिए।</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Officer&apos;s &amp;name:</source>
        <translation>अधिकारी का नाम (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/template_editor.py" line="+22"/>
        <source>&amp;Title:</source>
        <translation>शीर्षक (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_form.py" line="+1"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+2"/>
        <source>&amp;E-mail:</source>
        <translation>ई-मेल (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="-1"/>
        <source>&amp;Designation:</source>
        <translation>पदनाम (&amp;D):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Phone:</source>
        <translation>फ़ोन (&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature (optional):</source>
        <translation>हस्ताक्षर (वैकल्पिक):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time &amp;zone:</source>
        <translation>समय क्षेत्र (&amp;Z):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadlines end at midnight in this time zone.</source>
        <translation>समय-सीमाएँ इस समय क्षेत्र की मध्यरात्रि को समाप्त होती हैं।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Officer&apos;s name</source>
        <translation>अधिकारी का नाम</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer&apos;s title</source>
        <translation>अधिकारी का पदनाम</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer&apos;s e-mail</source>
        <translation>अधिकारी का ई-मेल</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer&apos;s phone</source>
        <translation>अधिकारी का फ़ोन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>समय क्षेत्र</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>By law, on the case&apos;s received date</source>
        <extracomment>Shown in each request type&apos;s combo for &quot;the policy the law gives the case&apos;s date&quot;.</extracomment>
        <translation>विधि के अनुसार, मामले की प्राप्ति तिथि पर</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What your organisation is</source>
        <translation>आपका संगठन किस प्रकार का है</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The law that sets each deadline depends on what the organisation is and where it serves. Each new case then gets the policy in force on its received date; you can choose a stricter policy of your own for any request type.</source>
        <translation>प्रत्येक समय-सीमा तय करने वाली विधि इस पर निर्भर करती है कि संगठन किस प्रकार का है और कहाँ सेवा देता है। इसके बाद प्रत्येक नए मामले पर उसकी प्राप्ति तिथि को लागू नीति लगती है; आप किसी भी अनुरोध प्रकार के लिए अपनी अधिक कठोर नीति चुन सकते हैं।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>We are an intermediary (IT Act 2000 s.2(1)(w): we host or transmit others&apos; content)</source>
        <translation>हम मध्यवर्ती हैं (IT Act 2000 s.2(1)(w): हम दूसरों की सामग्री होस्ट या प्रेषित करते हैं)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We are an intermediary</source>
        <translation>हम मध्यवर्ती हैं</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Also serves {country}</source>
        <translation>{country} में भी सेवा देता है</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Policy for {kind}</source>
        <translation>{kind} के लिए नीति</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}:</source>
        <translation>{kind}:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Policy per request type (“By law” unless you choose a stricter one):</source>
        <translation>प्रत्येक अनुरोध प्रकार के लिए नीति (“विधि के अनुसार”, जब तक आप अधिक कठोर नीति न चुनें):</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{policy} is not in force today ({error})</source>
        <translation>{policy} आज लागू नहीं है ({error})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{kind}: {problem}. Choose a stricter policy.</source>
        <translation>{kind}: {problem}। अधिक कठोर नीति चुनें।</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose a passphrase</source>
        <translation>पासफ़्रेज़ चुनें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It encrypts the register. Nobody, including us, can recover it; the recovery key on the next page is the only other way in.</source>
        <translation>यह रजिस्टर को एन्क्रिप्ट करता है। हम सहित कोई भी इसे पुनः प्राप्त नहीं कर सकता; अगले पृष्ठ पर दी गई रिकवरी कुंजी ही प्रवेश का एकमात्र अन्य साधन है।</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <location filename="../../grievance_desk/ui/unlock_screen.py" line="+85"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+91"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>पासफ़्रेज़</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The same passphrase again</source>
        <translation>वही पासफ़्रेज़ फिर से</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat passphrase</source>
        <translation>पासफ़्रेज़ दोहराएँ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Passphrase:</source>
        <translation>पासफ़्रेज़ (&amp;P):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create register</source>
        <translation>रजिस्टर बनाएँ</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Your recovery key</source>
        <translation>आपकी रिकवरी कुंजी</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If you forget the passphrase, this key is the only way into the register.</source>
        <translation>यदि आप पासफ़्रेज़ भूल जाते हैं, तो रजिस्टर खोलने का एकमात्र साधन यही कुंजी है।</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; पीछे (&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>आगे (&amp;N) &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>समाप्त करें (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/recovery_key_dialog.py" line="-68"/>
        <source>I have printed or saved the recovery key and put it somewhere safe</source>
        <translation>मैंने रिकवरी कुंजी प्रिंट कर ली है या सहेज ली है और उसे किसी सुरक्षित स्थान पर रख दिया है</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Grievance Desk — recovery key

Register: {register}
Recovery key: {key}

Keep this somewhere safe and away from the computer. It opens the register if the passphrase is forgotten.
</source>
        <translation>Grievance Desk — रिकवरी कुंजी

रजिस्टर: {register}
रिकवरी कुंजी: {key}

इसे कंप्यूटर से दूर किसी सुरक्षित स्थान पर रखें। पासफ़्रेज़ भूल जाने पर इससे रजिस्टर खुलता है।
</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save recovery key</source>
        <translation>रिकवरी कुंजी सहेजें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files (*.txt)</source>
        <translation>टेक्स्ट फ़ाइलें (*.txt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not save</source>
        <translation>सहेजा नहीं जा सका</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="-167"/>
        <source>&amp;Print…</source>
        <translation>प्रिंट करें… (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+1"/>
        <source>&amp;Save as text file…</source>
        <translation>टेक्स्ट फ़ाइल के रूप में सहेजें… (&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use this recovery key</source>
        <translation>यह रिकवरी कुंजी उपयोग करें</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>It is shown only now. The old recovery key stops working once you confirm. Keep this one away from this computer.</source>
        <translation>यह केवल अभी दिखाई जा रही है। आपकी पुष्टि के बाद पुरानी रिकवरी कुंजी काम करना बंद कर देगी। इसे इस कंप्यूटर से अलग रखें।</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>You have not confirmed that this recovery key is written down. Without it a forgotten passphrase means losing the register.</source>
        <translation>आपने पुष्टि नहीं की है कि यह रिकवरी कुंजी लिख ली गई है। इसके बिना पासफ़्रेज़ भूलने का अर्थ है रजिस्टर खो देना।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back to the key</source>
        <translation>कुंजी पर वापस जाएँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show it again next time</source>
        <translation>अगली बार फिर दिखाएँ</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+6"/>
        <source>Remember on this computer (unlock without the passphrase)</source>
        <translation>इस कंप्यूटर पर याद रखें (पासफ़्रेज़ के बिना अनलॉक करें)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keeps the key in this computer&apos;s keyring; anyone who can use your account here can open the register.</source>
        <translation>कुंजी इस कंप्यूटर के कीरिंग में रखी जाती है; जो भी यहाँ आपके खाते का उपयोग कर सकता है, वह रजिस्टर खोल सकता है।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not available: {reason}. You will type the passphrase each time.</source>
        <translation>उपलब्ध नहीं: {reason}। आपको हर बार पासफ़्रेज़ टाइप करना होगा।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Back to correct it</source>
        <translation>सुधारने के लिए वापस जाएँ (&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to correct it</source>
        <translation>सुधारने के लिए वापस जाएँ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>It is shown only now. Keep it away from this computer: printed in a locked drawer, or in your organisation&apos;s password vault.</source>
        <translation>यह केवल अभी दिखाई जा रही है। इसे इस कंप्यूटर से अलग रखें: प्रिंट करके किसी बंद दराज़ में, या अपने संगठन के पासवर्ड वॉल्ट में।</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Creating the encrypted register…</source>
        <translation>एन्क्रिप्टेड रजिस्टर बनाया जा रहा है…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Demo register</source>
        <translation>डेमो रजिस्टर</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A separate register with fictitious cases, to try every screen safely.</source>
        <translation>काल्पनिक मामलों वाला एक अलग रजिस्टर, ताकि आप हर स्क्रीन सुरक्षित रूप से आज़मा सकें।</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preparing the demo register…</source>
        <translation>डेमो रजिस्टर तैयार किया जा रहा है…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready: {count} fictitious cases. Its passphrase is “{passphrase}” (shown on the unlock screen too). Click Finish to open it.</source>
        <translation>तैयार: {count} काल्पनिक मामले। इसका पासफ़्रेज़ “{passphrase}” है (अनलॉक स्क्रीन पर भी दिखाया जाता है)। इसे खोलने के लिए “समाप्त करें” पर क्लिक करें।</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Set up Grievance Desk</source>
        <translation>Grievance Desk सेट अप करें</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/recovery_key_dialog.py" line="-10"/>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="+92"/>
        <location line="+26"/>
        <location filename="../../grievance_desk/ui/unlock_screen.py" line="+93"/>
        <source>Recovery key not confirmed</source>
        <translation>रिकवरी कुंजी की पुष्टि नहीं हुई</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/setup_wizard.py" line="-21"/>
        <source>Not remembered</source>
        <translation>याद नहीं रखी गई</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Your register has been created. Its recovery key is the only way in if the passphrase is forgotten, and you have not confirmed that it is written down.</source>
        <translation>आपका रजिस्टर बन गया है। पासफ़्रेज़ भूल जाने पर इसकी रिकवरी कुंजी ही प्रवेश का एकमात्र साधन है, और आपने अभी पुष्टि नहीं की है कि आपने उसे लिख लिया है।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Go back and print or save it, or quit now: the register keeps the key sealed and shows it again the next time you unlock it.</source>
        <translation>वापस जाकर इसे प्रिंट करें या सहेजें, या अभी बाहर निकलें: रजिस्टर कुंजी को सील करके रखता है और अगली बार अनलॉक करने पर उसे फिर दिखाता है।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back to the recovery key</source>
        <translation>रिकवरी कुंजी पर वापस जाएँ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit; show the key next time</source>
        <translation>बाहर निकलें; कुंजी अगली बार दिखाएँ</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/template_editor.py" line="+9"/>
        <source>Fields go in double braces, e.g. {{ case.reference }}; dates take | date. A blank line starts a paragraph, &apos;- &apos; a bullet, **bold**.</source>
        <translation>फ़ील्ड दोहरे कोष्ठक में लिखें, जैसे {{ case.reference }}; तारीख़ों के साथ | date लगाएँ। ख़ाली पंक्ति से नया अनुच्छेद, &apos;- &apos; से बुलेट, **मोटा**।</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+17"/>
        <location line="+221"/>
        <source>Problems</source>
        <translation>समस्याएँ</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>Fields you can use</source>
        <translation>उपयोग योग्य फ़ील्ड</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Content the law requires</source>
        <translation>विधि द्वारा अपेक्षित सामग्री</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fields</source>
        <translation>फ़ील्ड</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required content</source>
        <translation>अपेक्षित सामग्री</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save as new version</source>
        <translation>नए संस्करण के रूप में सहेजें</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+223"/>
        <source>Keep this text as your copy&apos;s next version (Ctrl+S)</source>
        <translation>इस पाठ को अपनी प्रति के अगले संस्करण के रूप में रखें (Ctrl+S)</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Revert to shipped</source>
        <translation>मूल टेम्पलेट पर लौटें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the template as shipped again; your versions are kept for the record</source>
        <translation>मूल टेम्पलेट का फिर से उपयोग करें; आपके संस्करण अभिलेख के लिए रखे रहते हैं</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Templates not loaded</source>
        <translation>टेम्पलेट लोड नहीं हुए</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Template not loaded</source>
        <translation>टेम्पलेट लोड नहीं हुआ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{version} (shipped)</source>
        <translation>{version} (मूल)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{version}, saved {date}</source>
        <translation>{version}, {date} को सहेजा गया</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{version} — in use</source>
        <translation>{version} — उपयोग में</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In use: the shipped template.</source>
        <translation>उपयोग में: मूल टेम्पलेट।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In use: your {version}.</source>
        <translation>उपयोग में: आपका {version}।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} — {law}</source>
        <translation>{label} — {law}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carried by {fields}</source>
        <translation>{fields} द्वारा दिया जाता है</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>{part}, line {line}</source>
        <translation>{part}, पंक्ति {line}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: {problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No problems: this template can make letters.</source>
        <translation>कोई समस्या नहीं: इस टेम्पलेट से पत्र बन सकते हैं।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problems ({count})</source>
        <translation>समस्याएँ ({count})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fix the problems listed first; this text cannot make letters.</source>
        <translation>पहले सूचीबद्ध समस्याएँ ठीक करें; इस पाठ से पत्र नहीं बन सकते।</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Saved as {version}.</source>
        <translation>{version} के रूप में सहेजा गया।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It still lacks content the law requires, so no letter can be made from it until that is back.</source>
        <translation>इसमें अब भी विधि द्वारा अपेक्षित सामग्री नहीं है, इसलिए उसके वापस जुड़ने तक इससे कोई पत्र नहीं बन सकता।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New letters use it from now on.</source>
        <translation>अब से नए पत्र इसी का उपयोग करेंगे।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not saved: {error}</source>
        <translation>सहेजा नहीं गया: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the template…</source>
        <translation>टेम्पलेट सहेजा जा रहा है…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Use the shipped template?</source>
        <translation>मूल टेम्पलेट का उपयोग करें?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New letters will use “{title}” as shipped. Your versions are kept and can be loaded again from the Version list.</source>
        <translation>नए पत्र “{title}” का मूल रूप उपयोग करेंगे। आपके संस्करण रखे रहते हैं और संस्करण सूची से फिर लोड किए जा सकते हैं।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the shipped template</source>
        <translation>मूल टेम्पलेट का उपयोग करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep my version</source>
        <translation>मेरा संस्करण रहने दें</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not reverted</source>
        <translation>पूर्ववत नहीं हुआ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unsaved template</source>
        <translation>बिना सहेजा टेम्पलेट</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your edits to this template are not saved. Discard them?</source>
        <translation>इस टेम्पलेट में आपके संपादन सहेजे नहीं गए हैं। क्या उन्हें छोड़ दें?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard my edits</source>
        <translation>मेरे संपादन छोड़ें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>संपादन जारी रखें</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/pdf_view.py" line="+64"/>
        <source>Page {page} of {count}</source>
        <translation>पृष्ठ {page} / {count}</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/report_labels.py" line="-29"/>
        <source>Open at end</source>
        <translation>अंत में खुले</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue at end</source>
        <translation>अंत में समय-सीमा पार</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting requester at end</source>
        <translation>अंत में अनुरोधकर्ता की प्रतीक्षा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responses on time</source>
        <translation>समय पर उत्तर</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responses late</source>
        <translation>विलंबित उत्तर</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledgements on time</source>
        <translation>समय पर पावती</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledgements late</source>
        <translation>विलंबित पावती</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No deadline (policy not applicable)</source>
        <translation>कोई समय-सीमा नहीं (नीति लागू नहीं)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median days to respond</source>
        <translation>उत्तर में लगे दिनों की माध्यिका</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>90th percentile days to respond</source>
        <translation>उत्तर में लगे दिनों का 90वाँ प्रतिशतक</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest days to respond</source>
        <translation>उत्तर में लगे अधिकतम दिन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median days on the law&apos;s clock</source>
        <translation>विधिक समय-गणना के अनुसार दिनों की माध्यिका</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by request type</source>
        <translation>अनुरोध प्रकार के अनुसार प्राप्त</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_form.py" line="-77"/>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Request type</source>
        <translation>अनुरोध प्रकार</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Received by channel</source>
        <translation>माध्यम के अनुसार प्राप्त</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/correspondence_dialog.py" line="-23"/>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Channel</source>
        <translation>माध्यम</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Closed by outcome</source>
        <translation>परिणाम के अनुसार बंद</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_dialogs.py" line="+48"/>
        <source>Close {reference}</source>
        <extracomment>Asks, off the GUI thread, what closing with (outcome, grounds) still needs; calls back.</extracomment>
        <translation>{reference} बंद करें</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Outcome</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grounds for refusal</source>
        <translation>अस्वीकृति के आधार</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the record still needs</source>
        <translation>अभिलेख में अभी क्या आवश्यक है</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional note for the timeline</source>
        <translation>समयरेखा के लिए वैकल्पिक नोट</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close case</source>
        <translation>मामला बंद करें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Outcome:</source>
        <translation>परिणाम (&amp;O):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note:</source>
        <translation>नोट:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking the record…</source>
        <translation>अभिलेख की जाँच की जा रही है…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Before closing:</source>
        <translation>बंद करने से पहले:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Supply what is listed above first.</source>
        <translation>पहले ऊपर सूचीबद्ध जानकारी दें।</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the case</source>
        <translation>मामला बंद करें</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Extend {reference}</source>
        <translation>{reference} की अवधि बढ़ाएँ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why more time is needed, as the requester will be told (e.g. the records are spread over several systems).</source>
        <translation>अधिक समय क्यों आवश्यक है, जैसा अनुरोधकर्ता को बताया जाएगा (जैसे अभिलेख कई प्रणालियों में फैले हुए हैं)।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason for the extension</source>
        <translation>विस्तार का कारण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the extension notice letter next (pre-filled)</source>
        <translation>इसके बाद विस्तार सूचना पत्र लिखें (पहले से भरा हुआ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice has already been sent another way</source>
        <translation>सूचना किसी अन्य माध्यम से पहले ही भेजी जा चुकी है</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Extend</source>
        <translation>विस्तार करें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason (required; the requester is told it):</source>
        <translation>कारण (अनिवार्य; अनुरोधकर्ता को बताया जाता है):</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Respond by now: {date}.</source>
        <translation>अभी उत्तर की अंतिम तिथि: {date}।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No extension is possible.</source>
        <translation>कोई विस्तार संभव नहीं है।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tell the requester by {date}.</source>
        <translation>अनुरोधकर्ता को {date} तक सूचित करें।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extended, respond by: {date}.</source>
        <translation>विस्तार के बाद उत्तर की अंतिम तिथि: {date}।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reopen {reference}?</source>
        <translation>{reference} फिर से खोलें?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen {reference}? It becomes “in progress” again and a new response deadline runs from today under its policy. The closing stays in the case&apos;s history.</source>
        <translation>{reference} फिर से खोलें? यह फिर से “प्रगति में” हो जाएगा और इसकी नीति के अंतर्गत आज से उत्तर की नई समय-सीमा चलेगी। बंद किए जाने का विवरण मामले के इतिहास में बना रहेगा।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reopen the case</source>
        <translation>मामला फिर से खोलें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it closed</source>
        <translation>मामला बंद ही रहने दें</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Received by policy</source>
        <translation>नीति के अनुसार प्राप्त</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/cases_page.py" line="-71"/>
        <location filename="../../grievance_desk/ui/cases_table_model.py" line="+4"/>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Policy</source>
        <translation>नीति</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Received by kind</source>
        <translation>प्रकार के अनुसार प्राप्त</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/files_tab.py" line="-110"/>
        <location filename="../../grievance_desk/ui/cases_table_model.py" line="+4"/>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Kind</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/report_labels.py" line="+1"/>
        <source>Redressed by kind</source>
        <translation>प्रकार के अनुसार निवारित</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action taken</source>
        <translation>की गई कार्रवाई</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IT Rules r.4(1)(d): complaints received by category</source>
        <translation>IT Rules r.4(1)(d): श्रेणी के अनुसार प्राप्त शिकायतें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IT Rules r.4(1)(d): action taken on complaints</source>
        <translation>IT Rules r.4(1)(d): शिकायतों पर की गई कार्रवाई</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>शिकायतें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rights requests</source>
        <translation>अधिकार अनुरोध</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0–7 days</source>
        <translation>0–7 दिन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8–15 days</source>
        <translation>8–15 दिन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>16–30 days</source>
        <translation>16–30 दिन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>31–60 days</source>
        <translation>31–60 दिन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>61–90 days</source>
        <translation>61–90 दिन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over 90 days</source>
        <translation>90 दिन से अधिक</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/place_names.py" line="+12"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="-48"/>
        <source>India</source>
        <extracomment>Every label above, for the test that keeps this list whole. The jurisdictions the set-up offers (domain/policy_defaults.py JURISDICTIONS).</extracomment>
        <translation>भारत</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="+1"/>
        <source>European Union / EEA</source>
        <translation>यूरोपीय संघ / EEA</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="+1"/>
        <source>United Kingdom</source>
        <translation>यूनाइटेड किंगडम</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="+1"/>
        <source>California (USA)</source>
        <translation>कैलिफ़ोर्निया (USA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="+1"/>
        <source>Brazil</source>
        <translation>ब्राज़ील</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/action_bar.py" line="+34"/>
        <source>Record that the requester was told we received the request</source>
        <extracomment>The workflow&apos;s own labels; &quot;…&quot; where a dialog asks something first.</extracomment>
        <translation>दर्ज करें कि अनुरोधकर्ता को अनुरोध प्राप्त होने की सूचना दी गई</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for proof of identity (stops the clock where the policy says so)</source>
        <translation>पहचान के प्रमाण की प्रतीक्षा करें (जहाँ नीति ऐसा कहती है, वहाँ समय-गणना रुकती है)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait for the requester&apos;s answer (stops the clock where the policy says so)</source>
        <translation>अनुरोधकर्ता के उत्तर की प्रतीक्षा करें (जहाँ नीति ऐसा कहती है, वहाँ समय-गणना रुकती है)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The proof or answer arrived: the clock runs on from where it stopped</source>
        <translation>प्रमाण या उत्तर प्राप्त हुआ: समय-गणना वहीं से आगे चलती है जहाँ रुकी थी</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the case in progress</source>
        <translation>मामले को प्रगति में चिह्नित करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that the response was sent</source>
        <translation>दर्ज करें कि उत्तर भेज दिया गया</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close with an outcome; the record must show the reply first</source>
        <translation>परिणाम सहित बंद करें; अभिलेख में पहले उत्तर दर्ज होना चाहिए</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen a closed case (asks first: a new deadline runs from today)</source>
        <translation>बंद मामला फिर से खोलें (पहले पूछा जाता है: आज से नई समय-सीमा चलती है)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Case actions</source>
        <translation>मामले की कार्रवाइयाँ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Extend…</source>
        <translation>विस्तार करें…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extend the response deadline, as the policy allows</source>
        <translation>नीति की अनुमति के अनुसार उत्तर की समय-सीमा बढ़ाएँ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record correspondence…</source>
        <translation>पत्राचार दर्ज करें…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record a message received from or sent to the requester (Ctrl+Shift+M)</source>
        <translation>अनुरोधकर्ता से प्राप्त या उसे भेजा गया संदेश दर्ज करें (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/deadline_panel.py" line="+19"/>
        <source>Acknowledge by</source>
        <translation>पावती की अंतिम तिथि</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Respond by</source>
        <translation>उत्तर की अंतिम तिथि</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice of extension by</source>
        <translation>विस्तार की सूचना की अंतिम तिथि</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Respond by (extended)</source>
        <translation>उत्तर की अंतिम तिथि (विस्तारित)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Policy: {policy}</source>
        <translation>नीति: {policy}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The clock is stopped while we wait for the requester ({days} paused so far).</source>
        <translation>अनुरोधकर्ता की प्रतीक्षा के दौरान समय-गणना रुकी हुई है (अब तक {days} रुकी)।</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>extended to {date}</source>
        <translation>{date} तक विस्तारित</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>extension granted</source>
        <translation>विस्तार दिया गया</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>only if extending</source>
        <translation>केवल विस्तार करने पर</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>met</source>
        <translation>पूरी हुई</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{deadline}: {state}</source>
        <translation>{deadline}: {state}</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/timeline_view.py" line="+20"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="+19"/>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../grievance_desk/ui/today_page.py" line="+0"/>
        <source>What</source>
        <translation>क्या</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../grievance_desk/ui/case_file/view.py" line="-104"/>
        <source>Details</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline, newest first</source>
        <translation>समयरेखा, नवीनतम पहले</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>By {person}</source>
        <translation>द्वारा: {person}</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/view.py" line="-58"/>
        <source>Select a case to read it here.</source>
        <translation>यहाँ पढ़ने के लिए कोई मामला चुनें।</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Deadlines</source>
        <translation>समय-सीमाएँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>समयरेखा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>फ़ाइलें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letters</source>
        <translation>पत्र</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not open the case</source>
        <translation>मामला खोला नहीं जा सका</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Files ({count})</source>
        <translation>फ़ाइलें ({count})</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/today_page.py" line="-87"/>
        <source>{what} overdue since {due}</source>
        <translation>{what}: {due} से विलंबित</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} overdue since {due} ({distance})</source>
        <translation>{what}: {due} से विलंबित ({distance})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} due today ({due})</source>
        <translation>{what}: आज देय ({due})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} due {due}, {distance}</source>
        <translation>{what}: {due} को देय, {distance}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Click to list the cases: {view}.</source>
        <translation>मामलों की सूची देखने के लिए क्लिक करें: {view}।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{view}: {count}</source>
        <translation>{view}: {count}</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>Case</source>
        <translation>मामला</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Deadline</source>
        <translation>समय-सीमा</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Next deadlines</source>
        <translation>अगली समय-सीमाएँ</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Reminder</source>
        <translation>अनुस्मारक</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Reminders due now</source>
        <translation>अभी देय अनुस्मारक</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>By</source>
        <translation>द्वारा</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Recent changes</source>
        <translation>हाल के परिवर्तन</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Dismiss</source>
        <translation>ख़ारिज करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snooze 1 day</source>
        <translation>1 दिन के लिए टालें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open case</source>
        <translation>मामला खोलें</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Nothing due. Well done.</source>
        <translation>कुछ भी देय नहीं। बहुत बढ़िया।</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No reminders due now.</source>
        <translation>अभी कोई अनुस्मारक देय नहीं।</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No changes to cases yet.</source>
        <translation>मामलों में अभी तक कोई परिवर्तन नहीं।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/unlock_screen.py" line="-194"/>
        <source>Unlock the register</source>
        <translation>रजिस्टर अनलॉक करें</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Use the recovery key instead</source>
        <translation>इसके स्थान पर रिकवरी कुंजी का उपयोग करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock</source>
        <translation>अनलॉक करें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unlock error</source>
        <translation>अनलॉक त्रुटि</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore from a backup…</source>
        <translation>बैकअप से पुनर्स्थापित करें…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/restore_dialog.py" line="+30"/>
        <location filename="../../grievance_desk/ui/unlock_screen.py" line="+1"/>
        <source>Restore from a backup</source>
        <translation>बैकअप से पुनर्स्थापित करें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backups, newest first</source>
        <translation>बैकअप, नवीनतम पहले</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not usable: {problem}</source>
        <translation>उपयोग योग्य नहीं: {problem}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Restore</source>
        <translation>पुनर्स्थापित करें</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup is checked before anything is replaced, and the current register is kept beside it as a “.replaced” copy with its key file. The backup opens with the passphrase or recovery key you typed.</source>
        <translation>कुछ भी बदलने से पहले बैकअप की जाँच की जाती है, और वर्तमान रजिस्टर उसकी कुंजी फ़ाइल सहित “.replaced” प्रति के रूप में उसके पास रखा जाता है। बैकअप उसी पासफ़्रेज़ या रिकवरी कुंजी से खुलता है जो आपने टाइप की है।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No automatic backups were found beside the register or in the folder noted in its key file. Restore a manual backup with `grievance-desk restore`.</source>
        <translation>रजिस्टर के पास या उसकी कुंजी फ़ाइल में दर्ज फ़ोल्डर में कोई स्वचालित बैकअप नहीं मिला। हाथ से बनाया गया बैकअप `grievance-desk restore` से पुनर्स्थापित करें।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/unlock_screen.py" line="+2"/>
        <source>Replace the damaged register with one of the automatic backups (newest first)</source>
        <translation>क्षतिग्रस्त रजिस्टर को किसी स्वचालित बैकअप से बदलें (नवीनतम पहले)</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/recovery_key_dialog.py" line="-101"/>
        <location filename="../../grievance_desk/ui/unlock_screen.py" line="+73"/>
        <location line="+2"/>
        <source>Recovery key</source>
        <translation>रिकवरी कुंजी</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/unlock_screen.py" line="+11"/>
        <source>Type the recovery key first.</source>
        <translation>पहले रिकवरी कुंजी टाइप करें।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the passphrase first.</source>
        <translation>पहले पासफ़्रेज़ टाइप करें।</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking the key on the keyring…</source>
        <translation>कीरिंग में कुंजी की जाँच की जा रही है…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlocking…</source>
        <translation>अनलॉक किया जा रहा है…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>About this register</source>
        <translation>इस रजिस्टर के बारे में</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A change of keys was interrupted before its new recovery key was confirmed. This is the register&apos;s new recovery key.</source>
        <translation>कुंजियों का परिवर्तन नई रिकवरी कुंजी की पुष्टि से पहले बाधित हो गया था। यह रजिस्टर की नई रिकवरी कुंजी है।</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Type the passphrase (or tick “use the recovery key” and type it) first; the backup opens with the same key.</source>
        <translation>पहले पासफ़्रेज़ टाइप करें (या “रिकवरी कुंजी का उपयोग करें” पर टिक करके उसे टाइप करें); बैकअप उसी कुंजी से खुलता है।</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Restoring from the backup…</source>
        <translation>बैकअप से पुनर्स्थापित किया जा रहा है…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not restored: {reason}</source>
        <translation>पुनर्स्थापित नहीं हुआ: {reason}</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/vocabulary.py" line="-99"/>
        <source>Complaint</source>
        <translation>शिकायत</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rights request</source>
        <translation>अधिकार अनुरोध</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access</source>
        <translation>पहुँच (जानकारी)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction</source>
        <translation>सुधार</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completion / updating</source>
        <translation>पूर्ण करना / अद्यतन करना</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erasure</source>
        <translation>मिटाना</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objection / restriction</source>
        <translation>आपत्ति / प्रतिबंध</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawal of consent</source>
        <translation>सहमति वापस लेना</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomination</source>
        <translation>नामनिर्देशन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing opt-out</source>
        <translation>विपणन से बाहर होना</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cookie consent</source>
        <translation>कुकी सहमति</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor&apos;s data</source>
        <translation>बालक का डेटा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security concern</source>
        <translation>सुरक्षा संबंधी चिंता</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E-mail</source>
        <translation>ई-मेल</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post</source>
        <translation>डाक</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web form</source>
        <translation>वेब फ़ॉर्म</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In person</source>
        <translation>व्यक्तिगत रूप से</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data Protection Board / regulator</source>
        <translation>डेटा संरक्षण बोर्ड / विनियामक</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employee</source>
        <translation>कर्मचारी</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job applicant</source>
        <translation>नौकरी आवेदक</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vendor</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website visitor</source>
        <translation>वेबसाइट आगंतुक</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian</source>
        <translation>संरक्षक</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nominee</source>
        <translation>नामिती</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorised agent</source>
        <translation>प्राधिकृत अभिकर्ता</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration</source>
        <translation>पंजीकरण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>प्रोफ़ाइल</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KYC</source>
        <translation>केवाईसी</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing</source>
        <translation>बिलिंग</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technical support</source>
        <translation>तकनीकी सहायता</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cookies and analytics</source>
        <translation>कुकी और विश्लेषण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing</source>
        <translation>विपणन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment / recruitment</source>
        <translation>नियोजन / भर्ती</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third-party sources</source>
        <translation>तृतीय-पक्ष स्रोत</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not required</source>
        <translation>आवश्यक नहीं</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>लंबित</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>सत्यापित</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low</source>
        <translation>निम्न</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Normal</source>
        <translation>सामान्य</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>High</source>
        <translation>उच्च</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Urgent</source>
        <translation>अत्यावश्यक</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fulfilled</source>
        <translation>पूरा किया गया</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly fulfilled</source>
        <translation>आंशिक रूप से पूरा किया गया</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>वापस लिया गया</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data held</source>
        <translation>कोई डेटा धारित नहीं</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred</source>
        <translation>अंतरित</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Legal privilege</source>
        <translation>विधिक विशेषाधिकार</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal duty to retain</source>
        <translation>रखने का विधिक दायित्व</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity not verified</source>
        <translation>पहचान सत्यापित नहीं</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manifestly unfounded or excessive</source>
        <translation>स्पष्ट रूप से निराधार या अत्यधिक</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>नया</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Acknowledged</source>
        <translation>पावती दी गई</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Awaiting identity proof</source>
        <translation>पहचान प्रमाण की प्रतीक्षा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting clarification</source>
        <translation>स्पष्टीकरण की प्रतीक्षा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>प्रगति में</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <location line="+13"/>
        <source>Response sent</source>
        <translation>उत्तर भेजा गया</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Extended respond</source>
        <comment>deadline</comment>
        <translation>विस्तारित उत्तर</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case registered</source>
        <extracomment>What the timelines and the Today page call an audit action (services/case_queries.py).</extracomment>
        <translation>मामला पंजीकृत</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details edited</source>
        <translation>विवरण संपादित</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply language set</source>
        <translation>उत्तर की भाषा निर्धारित</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity proof requested (clock stopped)</source>
        <translation>पहचान प्रमाण माँगा गया (समय-गणना रुकी)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clarification requested (clock stopped)</source>
        <translation>स्पष्टीकरण माँगा गया (समय-गणना रुकी)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resumed (clock running)</source>
        <translation>पुनः आरंभ (समय-गणना जारी)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work started</source>
        <translation>कार्य आरंभ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reopened</source>
        <translation>फिर से खोला गया</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response period extended</source>
        <translation>उत्तर की अवधि बढ़ाई गई</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File attached</source>
        <translation>फ़ाइल संलग्न</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Request identity proof</source>
        <translation>पहचान प्रमाण माँगें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request clarification</source>
        <translation>स्पष्टीकरण माँगें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>पुनः आरंभ करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start work</source>
        <translation>कार्य आरंभ करें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reopen</source>
        <translation>फिर से खोलें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>evidence</source>
        <extracomment>What a file was attached as (services/attachments.py PURPOSES, underscores as spaces).</extracomment>
        <translation>साक्ष्य</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identity proof</source>
        <translation>पहचान प्रमाण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email</source>
        <translation>ई-मेल</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correspondence</source>
        <translation>पत्राचार</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/workspace.py" line="-212"/>
        <source>Pages</source>
        <translation>पृष्ठ</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>The window locked while {reference} had changes with invalid fields; they were not saved. Enter them again.</source>
        <translation>विंडो तब लॉक हुई जब {reference} में अमान्य फ़ील्ड वाले परिवर्तन थे; वे सहेजे नहीं गए। उन्हें फिर से दर्ज करें।</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Registered {reference}.</source>
        <translation>{reference} पंजीकृत किया गया।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Case not registered</source>
        <translation>मामला पंजीकृत नहीं हुआ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E-mail (*.eml *.msg)</source>
        <translation>ई-मेल (*.eml *.msg)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not an e-mail we can read</source>
        <translation>यह ऐसा ई-मेल नहीं है जिसे हम पढ़ सकें</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Automatic backup written: {name}.</source>
        <translation>स्वचालित बैकअप लिखा गया: {name}।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic backup failed: {error}</source>
        <translation>स्वचालित बैकअप विफल रहा: {error}</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/error_dialog.py" line="+45"/>
        <source>Something went wrong</source>
        <translation>कुछ गलत हो गया</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} failed.</source>
        <translation>{what} विफल रहा।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What was already saved is kept. Try again; if it keeps happening, send the details (they hold no names or addresses) to whoever supports Grievance Desk for you.</source>
        <translation>जो पहले से सहेजा गया था वह सुरक्षित है। फिर से प्रयास करें; यदि ऐसा बार-बार हो, तो विवरण (इनमें कोई नाम या पता नहीं होता) उस व्यक्ति को भेजें जो आपके लिए Grievance Desk की सहायता करता है।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The log is in {folder}</source>
        <translation>लॉग {folder} में है</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No log is kept.</source>
        <translation>कोई लॉग नहीं रखा जाता।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy details</source>
        <translation>विवरण कॉपी करें</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open log folder</source>
        <translation>लॉग फ़ोल्डर खोलें</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Copied</source>
        <translation>कॉपी किया गया</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>An action</source>
        <translation>एक कार्य</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/new_case_dialog.py" line="-67"/>
        <source>Suggested from the e-mail — nothing is filled in until you choose</source>
        <translation>ई-मेल से सुझाव — जब तक आप न चुनें, कुछ भी भरा नहीं जाता</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it says “{evidence}”</source>
        <translation>इसमें लिखा है “{evidence}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>Use</source>
        <translation>उपयोग करें</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Use suggestion: {what}</source>
        <translation>सुझाव उपयोग करें: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put “{value}” in the form</source>
        <translation>“{value}” फ़ॉर्म में डालें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use all</source>
        <translation>सभी उपयोग करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use every suggestion</source>
        <translation>हर सुझाव उपयोग करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the first suggestion for each field</source>
        <translation>प्रत्येक फ़ील्ड के लिए पहला सुझाव उपयोग करें</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Used ✓</source>
        <translation>उपयोग किया ✓</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>New case from {source}</source>
        <translation>{source} से नया मामला</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Files to keep with the case</source>
        <translation>मामले के साथ रखी जाने वाली फ़ाइलें</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}  ({size} bytes)</source>
        <translation>{name}  ({size} बाइट)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Register case</source>
        <translation>मामला पंजीकृत करें</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Filled from the e-mail “{subject}” from {sender}. Check every field: the sender may act for someone else.</source>
        <translation>{sender} के ई-मेल “{subject}” से भरा गया। हर फ़ील्ड जाँचें: प्रेषक किसी अन्य व्यक्ति की ओर से कार्य कर रहा हो सकता है।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no subject)</source>
        <translation>(कोई विषय नहीं)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an unknown sender</source>
        <translation>अज्ञात प्रेषक</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep these files with the case:</source>
        <translation>ये फ़ाइलें मामले के साथ रखें:</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/passphrase_strength.py" line="+21"/>
        <source>Very weak</source>
        <translation>बहुत कमज़ोर</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weak</source>
        <translation>कमज़ोर</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fair</source>
        <translation>ठीक-ठाक</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strong</source>
        <translation>मज़बूत</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very strong</source>
        <translation>बहुत मज़बूत</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Passphrase strength</source>
        <translation>पासफ़्रेज़ की मज़बूती</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Use four or more unrelated words, or a long sentence.</source>
        <translation>चार या अधिक असंबंधित शब्द, या एक लंबा वाक्य उपयोग करें।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{strength} — too easy to guess; make it longer</source>
        <translation>{strength} — अनुमान लगाना बहुत आसान; इसे लंबा करें</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/tray.py" line="-2"/>
        <source>Show Grievance Desk</source>
        <translation>Grievance Desk दिखाएँ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>बाहर निकलें</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reminder: {reference}</source>
        <translation>अनुस्मारक: {reference}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} reminders</source>
        <translation>{count} अनुस्मारक</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>…and 1 more on the Today page.</source>
        <translation>…और 1 अन्य आज पृष्ठ पर।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…and {count} more on the Today page.</source>
        <translation>…और {count} अन्य आज पृष्ठ पर।</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/widgets.py" line="-42"/>
        <location line="+2"/>
        <location line="+6"/>
        <source>Show passphrase</source>
        <translation>पासफ़्रेज़ दिखाएँ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide passphrase</source>
        <translation>पासफ़्रेज़ छिपाएँ</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>OK</source>
        <extracomment>Qt&apos;s own button texts, which Qt ships no Hindi for: named in our catalogue instead.</extracomment>
        <translation>ठीक है</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/files_tab.py" line="+62"/>
        <source>Attaching…</source>
        <translation>संलग्न किया जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/view.py" line="+46"/>
        <location filename="../../grievance_desk/ui/settings_page.py" line="-107"/>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/case_file/workflow.py" line="-96"/>
        <source>Not done</source>
        <translation>नहीं हुआ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot extend</source>
        <translation>विस्तार नहीं हो सकता</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Not extended</source>
        <translation>विस्तार नहीं हुआ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extending…</source>
        <translation>समय-सीमा बढ़ाई जा रही है…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Recording…</source>
        <translation>दर्ज किया जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/workspace.py" line="-131"/>
        <source>Updating deadlines…</source>
        <translation>समय-सीमाएँ अद्यतन हो रही हैं…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Cannot start a new case</source>
        <translation>नया मामला शुरू नहीं हो सका</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Registering the case…</source>
        <translation>मामला दर्ज हो रहा है…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading {name}…</source>
        <translation>{name} पढ़ा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/ops.py" line="+386"/>
        <source>Background work</source>
        <extracomment>Set by ui/main.py: what to do with background work that failed and has no failure handler (the unexpected-error dialog and the log). Called as (what, error, parent). (changes: OpChanges, initiator: QObject | None), after a changing op succeeded. (label, done, total) of the newest op that reports progress, polled on the GUI thread. The open register that `Op.on_register` work receives; None while locked.</extracomment>
        <translation>पृष्ठभूमि का कार्य</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/private_files.py" line="+56"/>
        <source>Not opened</source>
        <extracomment>How long a viewing copy stays on disk: long enough for a slow viewer to start and read it.</extracomment>
        <translation>नहीं खुला</translation>
    </message>
    <message>
        <location filename="../../grievance_desk/ui/letters/field_labels.py" line="+15"/>
        <source>Identity documents</source>
        <translation>पहचान दस्तावेज़</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clarification needed</source>
        <translation>आवश्यक स्पष्टीकरण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension reasons</source>
        <translation>विस्तार के कारण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data summary</source>
        <translation>डेटा का सारांश</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing activities</source>
        <translation>प्रसंस्करण गतिविधियाँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients</source>
        <translation>प्राप्तकर्ता</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How provided</source>
        <translation>कैसे दिया गया</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrections made</source>
        <translation>किए गए सुधार</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients informed</source>
        <translation>सूचित प्राप्तकर्ता</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data erased</source>
        <translation>मिटाया गया डेटा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data retained</source>
        <translation>रखा गया डेटा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retention period</source>
        <translation>रखने की अवधि</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data source</source>
        <translation>डेटा का स्रोत</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automated decisions</source>
        <translation>स्वचालित निर्णय</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer safeguards</source>
        <translation>अंतरण के सुरक्षा उपाय</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retention law</source>
        <translation>रखने की विधि</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCPA statement</source>
        <translation>CCPA कथन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objection outcome</source>
        <translation>आपत्ति का परिणाम</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent purposes</source>
        <translation>सहमति के प्रयोजन</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continued processing</source>
        <translation>जारी प्रसंस्करण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nominee name</source>
        <translation>नामिती का नाम</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>समाधान</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused action</source>
        <translation>अस्वीकृत कार्रवाई</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closure summary</source>
        <translation>बंद करने का सारांश</translation>
    </message>
</context>
</TS>
