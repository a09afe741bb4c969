import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { setDocumentLanguage } from '@/components/document-language';
import { WalletDatabase } from '@/lib/db';
import { createRuntimeClient } from '@/lib/protocol/client';
import { runtimeResults } from '@/lib/protocol/runtime';
import { WalletPage } from './WalletPage';
import './wallet.css';

setDocumentLanguage(document, 'walletTitle');
const call = createRuntimeClient((message) => browser.runtime.sendMessage(message), runtimeResults);
render(<WalletPage call={call} db={new WalletDatabase()} />, document.getElementById('app')!);
