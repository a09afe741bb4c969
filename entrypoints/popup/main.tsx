import { render } from 'preact';
import '@/components/theme.css';
import { setDocumentLanguage } from '@/components/document-language';
import { openWalletReads } from '@/lib/reads/wallet-reads';
import { Popup } from './Popup';
import './popup.css';

setDocumentLanguage(document, 'popupTitle');
render(<Popup reads={openWalletReads()} />, document.getElementById('app')!);
