import { render } from 'preact';
import '@/components/theme.css';
import { setDocumentLanguage } from '@/components/document-language';
import { WalletDatabase } from '@/lib/db';
import { Popup } from './Popup';
import './popup.css';

setDocumentLanguage(document, 'popupTitle');
render(<Popup db={new WalletDatabase()} />, document.getElementById('app')!);
