import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { setDocumentLanguage } from '@/components/document-language';
import { createRuntimeClient } from '@/lib/protocol/client';
import { runtimeResults } from '@/lib/protocol/runtime';
import { openWalletReads } from '@/lib/reads/wallet-reads';
import { WalletPage } from './WalletPage';
import './wallet.css';

setDocumentLanguage(document, 'walletTitle');
const call = createRuntimeClient((message) => browser.runtime.sendMessage(message), runtimeResults);
render(<WalletPage call={call} reads={openWalletReads()} />, document.getElementById('app')!);
