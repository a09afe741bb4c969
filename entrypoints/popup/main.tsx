import { render } from 'preact';
import '@/components/theme.css';
import { setDocumentLanguage } from '@/components/document-language';
import { openGlanceReads } from '@/lib/reads/glance-reads';
import { Popup } from './Popup';
import './popup.css';

setDocumentLanguage(document, 'popupTitle');
render(<Popup reads={openGlanceReads()} />, document.getElementById('app')!);
