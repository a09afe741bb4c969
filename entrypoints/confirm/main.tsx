import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { setDocumentLanguage } from '@/components/document-language';
import { createRuntimeClient } from '@/lib/protocol/client';
import { runtimeResults } from '@/lib/protocol/runtime';
import { Confirm } from './Confirm';
import './confirm.css';

setDocumentLanguage(document, 'confirmTitle');
const call = createRuntimeClient((message) => browser.runtime.sendMessage(message), runtimeResults);
const approvalId = new URLSearchParams(location.search).get('approval') ?? '';
render(<Confirm approvalId={approvalId} call={call} />, document.getElementById('app')!);
